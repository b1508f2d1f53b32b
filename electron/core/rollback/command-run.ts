// Runs a configured rollback command without a shell: streamed output, exit code, timeout and cancel that stop the whole process tree.
import { spawn, type ChildProcess } from 'node:child_process';
import type { CommandSpec } from '../../../shared/services/service-config';
import { OutputCapture } from './output-capture';

export interface CommandOutcome {
  outcome: 'exited' | 'timeout' | 'cancelled' | 'not_started';
  exitCode?: number;
  signal?: string;
  output: OutputCapture;
  error?: string;
  durationMs: number;
}

const KILL_GRACE_MS = 2_000;

/** Signals the child's whole process group (it was started detached, so it leads one); falls back to the child alone. */
function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true }).on('error', () => child.kill(signal));
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/** Expands ${env:NAME} in configured values, so secrets can stay in the environment instead of services.json. */
export function expandEnv(value: string, env: NodeJS.ProcessEnv = process.env): string {
  return value.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name: string) => env[name] ?? '');
}

export function runCommand(spec: CommandSpec, options: { signal?: AbortSignal; onOutput?: (chunk: string) => void; defaultCwd?: string } = {}): Promise<CommandOutcome> {
  const started = Date.now();
  const output = new OutputCapture();
  return new Promise((resolve) => {
    let settled = false;
    let stopReason: 'timeout' | 'cancelled' | undefined;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (o: Omit<CommandOutcome, 'output' | 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ ...o, output, durationMs: Date.now() - started });
    };
    const env = Object.fromEntries(Object.entries(spec.env).map(([k, v]) => [k, expandEnv(v)]));
    let child: ChildProcess;
    try {
      child = spawn(spec.command, spec.args.map((a) => expandEnv(a)), {
        cwd: spec.cwd ?? options.defaultCwd,
        env: { ...process.env, ...env },
        shell: false,
        detached: process.platform !== 'win32',
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (e) {
      resolve({ outcome: 'not_started', error: (e as Error).message, output, durationMs: 0 });
      return;
    }
    const stop = (reason: 'timeout' | 'cancelled') => {
      if (stopReason || settled) return;
      stopReason = reason;
      killTree(child, 'SIGTERM');
      graceTimer = setTimeout(() => killTree(child, 'SIGKILL'), KILL_GRACE_MS);
    };
    const onAbort = () => stop('cancelled');
    const timer = setTimeout(() => stop('timeout'), spec.timeoutMs);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort);
    const take = (data: Buffer) => {
      const text = data.toString('utf8');
      output.push(text);
      options.onOutput?.(text);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.on('error', (e: NodeJS.ErrnoException) => {
      const hint = e.code === 'ENOENT' ? `"${spec.command}" was not found (check the command and PATH) or the working directory does not exist` : e.message;
      finish({ outcome: 'not_started', error: hint });
    });
    child.on('close', (code, signal) => {
      // The group may still hold children that closed their pipes; make sure none outlive a stop.
      if (stopReason) killTree(child, 'SIGKILL');
      const base = { ...(code !== null ? { exitCode: code } : {}), ...(signal ? { signal } : {}) };
      finish(stopReason ? { outcome: stopReason, ...base } : { outcome: 'exited', ...base });
    });
  });
}
