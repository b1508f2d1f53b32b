// Tests for the command strategy's runner: exit codes, timeouts that stop the whole process tree, huge output, cancel.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { expandEnv, runCommand } from './command-run';
import { OutputCapture, OutputStream } from './output-capture';

const node = process.execPath;
const spec = (script: string, timeoutMs = 5_000) => ({ command: node, args: ['-e', script], env: {}, timeoutMs });

/** Running, not a zombie waiting for a reaper (containers often have no init that reaps orphans). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!existsSync(`/proc/${pid}/stat`)) return true;
  return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

describe('runCommand', () => {
  it('streams output and reports a zero exit', async () => {
    const chunks: string[] = [];
    const result = await runCommand({ ...spec('console.log("rolled back " + process.env.RELEASE)'), env: { RELEASE: 'v1' } }, { onOutput: (c) => chunks.push(c) });
    expect(result).toMatchObject({ outcome: 'exited', exitCode: 0 });
    expect(result.output.text()).toBe('rolled back v1\n');
    expect(chunks.join('')).toBe('rolled back v1\n');
  });

  it('reports a non-zero exit with stderr', async () => {
    const result = await runCommand(spec('console.error("Error: release not found"); process.exit(3)'));
    expect(result).toMatchObject({ outcome: 'exited', exitCode: 3 });
    expect(result.output.text()).toContain('release not found');
  });

  it('stops the whole process tree on timeout', async () => {
    const script = `const c = require("child_process").spawn(process.execPath, ["-e", "setInterval(()=>{},1000)"], { stdio: "ignore" }); console.log("grandchild " + c.pid); setInterval(()=>{},1000);`;
    let pid = 0;
    // The timeout must leave a loaded machine time to start node twice before it fires.
    const result = await runCommand(spec(script, 4_000), { onOutput: (c) => (pid ||= Number(/grandchild (\d+)/.exec(c)?.[1] ?? 0)) });
    expect(result.outcome).toBe('timeout');
    expect(pid).toBeGreaterThan(0);
    // Under load the kernel may take a moment to deliver the signal; poll instead of sleeping a fixed time.
    await vi.waitFor(() => expect(alive(pid)).toBe(false), { timeout: 10_000 });
  });

  it('keeps head and tail of huge output within budget', async () => {
    const script = 'process.stdout.write("FIRST-LINE\\n" + "x".repeat(5_000_000) + "\\nLAST-LINE\\n")';
    const result = await runCommand(spec(script, 10_000));
    expect(result).toMatchObject({ outcome: 'exited', exitCode: 0 });
    const text = result.output.text();
    expect(text.startsWith('FIRST-LINE')).toBe(true);
    expect(text.trimEnd().endsWith('LAST-LINE')).toBe(true);
    expect(text).toMatch(/characters omitted/);
    expect(text.length).toBeLessThan(20_000);
    expect(result.output.totalChars).toBeGreaterThan(5_000_000);
  });

  it('cancels through the abort signal and reports a command that cannot start', async () => {
    const controller = new AbortController();
    // Abort once the command has started and spoken, not after a guessed delay.
    const cancelled = await runCommand(spec('console.log("started"); setInterval(()=>{},1000)'), {
      signal: controller.signal,
      onOutput: (chunk) => chunk.includes('started') && controller.abort(),
    });
    expect(cancelled.outcome).toBe('cancelled');
    const missing = await runCommand({ command: '/nonexistent/helm', args: [], env: {}, timeoutMs: 1000 });
    expect(missing.outcome).toBe('not_started');
    expect(missing.error).toContain('not found');
  });
});

describe('output helpers', () => {
  it('expands ${env:NAME} and keeps short output whole', () => {
    expect(expandEnv('Bearer ${env:FB_TOKEN}', { FB_TOKEN: 's3cret' })).toBe('Bearer s3cret');
    const c = new OutputCapture(5, 5);
    c.push('abc');
    expect(c.text()).toBe('abc');
    c.push('defghijklmnop');
    expect(c.text()).toBe('abcde\n… [6 characters omitted] …\nlmnop');
  });

  it('coalesces streamed output into few pushes and says how much the live view skipped', () => {
    vi.useFakeTimers();
    try {
      const pushed: string[] = [];
      const stream = new OutputStream((c) => pushed.push(c), 100, 10);
      stream.write('abc');
      stream.write('def');
      expect(pushed).toEqual([]);
      vi.advanceTimersByTime(100);
      expect(pushed).toEqual(['abcdef']);
      stream.write('0123456789ABCDE');
      stream.flush();
      expect(pushed[1]).toBe('… [5 characters skipped in the live view] …\n56789ABCDE');
    } finally {
      vi.useRealTimers();
    }
  });
});
