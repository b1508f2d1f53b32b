// Test support for crash tests: runs a TypeScript child (bundled once, see child-script.ts), SIGKILLs it a given time after it prints "ready", returns its lines.
import { spawn } from 'node:child_process';
import { compiledChild } from './child-script';

export interface KilledRun {
  /** Every complete line the child printed before it died (stdout is a pipe, written synchronously on Linux and macOS). */
  lines: string[];
  stderr: string;
}

/** A seeded Lehmer generator: the kill moments differ from trial to trial but are the same on every run of the suite. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

/**
 * Starts `script` with `args`, kills it with SIGKILL `killAfterMs` after its "ready" line, and resolves once its pipes are
 * drained (on 'close', not 'exit', so no line printed before the kill is missed). A child that exits on its own is an error.
 */
export async function runAndKill(script: string, args: string[], killAfterMs: number, env: NodeJS.ProcessEnv = process.env): Promise<KilledRun> {
  const compiled = await compiledChild(script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [compiled, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffered = '';
    let stderr = '';
    let exit: NodeJS.Signals | null = null;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const complete = buffered.split('\n');
      buffered = complete.pop()!;
      for (const line of complete) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        lines.push(line);
      }
    });
    child.on('exit', (_code, signal) => (exit = signal));
    child.on('error', reject);
    child.on('close', (code) =>
      exit === 'SIGKILL' ? resolve({ lines, stderr }) : reject(new Error(`${script} exited (code ${code}) without being killed:\n${stderr}\n${lines.join('\n')}`)),
    );
  });
}
