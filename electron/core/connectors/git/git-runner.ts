// Runs git without a shell: fixed locale, no prompts, timeouts, capped output and typed errors the rollback flow can explain.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

export type GitErrorKind =
  | 'git_missing'
  | 'not_a_repo'
  | 'timeout'
  | 'output_too_large'
  | 'auth'
  | 'hook_rejected'
  | 'stale_lease'
  | 'rejected'
  | 'conflict'
  | 'failed';

export class GitError extends Error {
  constructor(
    readonly kind: GitErrorKind,
    message: string,
    readonly args: readonly string[],
    readonly stderr = '',
    readonly stdout = '',
    readonly exitCode?: number,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export interface GitRunOptions {
  cwd: string;
  timeoutMs?: number;
  maxOutputBytes?: number;
  env?: Record<string, string>;
}

export interface GitOutput {
  stdout: string;
  stderr: string;
}

export const DEFAULT_GIT_TIMEOUT_MS = 60_000;
export const DEFAULT_GIT_MAX_OUTPUT = 16 * 1024 * 1024;

/** Environment for every git call: C locale so messages can be classified, and nothing that could wait for a human. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LC_ALL: 'C',
    LANG: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: process.env.GIT_ASKPASS ?? '',
    SSH_ASKPASS: process.env.SSH_ASKPASS ?? '',
    GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes',
    GIT_PAGER: 'cat',
    GIT_EDITOR: 'true',
    ...extra,
  };
}

const AUTH_PATTERNS = [
  /Authentication failed/i,
  /could not read (Username|Password)/i,
  /terminal prompts disabled/i,
  /Permission denied \(publickey/i,
  /Host key verification failed/i,
  /The requested URL returned error: 40[13]/i,
  /HTTP (Basic: )?Access denied/i,
];

/** Maps git's stderr (in the C locale) to an error kind; order matters: a hook rejection also mentions "failed to push". */
export function classifyGitFailure(stderr: string, stdout = ''): GitErrorKind {
  const text = `${stderr}\n${stdout}`;
  if (/not a git repository/i.test(text)) return 'not_a_repo';
  if (AUTH_PATTERNS.some((p) => p.test(text))) return 'auth';
  if (/\(stale info\)/.test(text)) return 'stale_lease';
  if (/hook declined|\[remote rejected\]/.test(text)) return 'hook_rejected';
  if (/\[rejected\]|non-fast-forward|\(fetch first\)/.test(text)) return 'rejected';
  if (/CONFLICT|could not revert|could not apply|after resolving the conflicts/.test(text)) return 'conflict';
  return 'failed';
}

const firstLines = (s: string, n = 6) => s.trim().split('\n').slice(0, n).join('\n');

export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitOutput> {
  const timeout = options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...args],
      { cwd: options.cwd, env: gitEnv(options.env), timeout, killSignal: 'SIGKILL', maxBuffer: options.maxOutputBytes ?? DEFAULT_GIT_MAX_OUTPUT, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string; code?: string | number };
        const cmd = `git ${args.join(' ')}`;
        if (e.code === 'ENOENT') {
          if (!existsSync(options.cwd)) return reject(new GitError('not_a_repo', `The folder ${options.cwd} does not exist.`, args));
          return reject(new GitError('git_missing', 'git is not installed or not on the PATH.', args));
        }
        if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          return reject(new GitError('output_too_large', `${cmd} produced more than ${options.maxOutputBytes ?? DEFAULT_GIT_MAX_OUTPUT} bytes of output and was stopped.`, args, stderr, ''));
        }
        if (e.killed || e.signal) return reject(new GitError('timeout', `${cmd} did not finish within ${timeout} ms and was stopped.`, args, stderr, stdout));
        const kind = classifyGitFailure(stderr, stdout);
        const exitCode = typeof e.code === 'number' ? e.code : undefined;
        reject(new GitError(kind, `${cmd} failed${exitCode !== undefined ? ` (exit ${exitCode})` : ''}: ${firstLines(stderr || stdout) || 'no output'}`, args, stderr, stdout, exitCode));
      },
    );
  });
}

/** A readable command line for plans and the timeline; arguments with spaces are quoted. */
export function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map((a) => (/^[\w@%+=:,./^{}~-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
