// Runs a service's targeted test command against the linked change: a throwaway worktree at the fix's commit (the operator's
// clone is never touched), the command without a shell (runCommand: streamed output, timeout, cancel), then the worktree goes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { TestOutcome } from '../../../shared/hotfix/hotfix-schemas';
import type { CommandSpec } from '../../../shared/services/service-config';
import { commandLine } from '../connectors/git/git-runner';
import type { GitRepo } from '../connectors/git/git-repo';
import { runCommand } from '../rollback/command-run';

export interface TestRunResult {
  outcome: TestOutcome;
  exitCode?: number;
  durationMs: number;
  message?: string;
  outputTail: string;
}

export const describeTestCommand = (spec: CommandSpec) => commandLine(spec.command, spec.args);

export async function runTargetedTests(repo: GitRepo, headSha: string, spec: CommandSpec, options: { signal: AbortSignal; onOutput: (chunk: string) => void }): Promise<TestRunResult> {
  const root = await mkdtemp(join(tmpdir(), 'fb-hotfix-tests-'));
  const path = join(root, 'checkout');
  const started = Date.now();
  try {
    try {
      await repo.run(['worktree', 'add', '--detach', '--quiet', path, headSha]);
    } catch (e) {
      return { outcome: 'not_started', durationMs: Date.now() - started, message: `Could not check out ${headSha.slice(0, 8)}: ${(e as Error).message}`, outputTail: '' };
    }
    options.onOutput(`$ ${describeTestCommand(spec)}\n`);
    const cwd = spec.cwd ? (isAbsolute(spec.cwd) ? spec.cwd : join(path, spec.cwd)) : path;
    const run = await runCommand({ ...spec, cwd }, { signal: options.signal, onOutput: options.onOutput });
    const outputTail = run.output.lastChars(8_000);
    switch (run.outcome) {
      case 'exited':
        return run.exitCode === 0
          ? { outcome: 'passed', exitCode: 0, durationMs: run.durationMs, outputTail }
          : { outcome: 'failed', ...(run.exitCode !== undefined ? { exitCode: run.exitCode } : {}), durationMs: run.durationMs, message: run.exitCode === undefined ? `stopped by ${run.signal ?? 'a signal'}` : `exit code ${run.exitCode}`, outputTail };
      case 'timeout':
        return { outcome: 'timeout', durationMs: run.durationMs, message: `stopped after the ${spec.timeoutMs / 1000} s timeout`, outputTail };
      case 'cancelled':
        return { outcome: 'cancelled', durationMs: run.durationMs, message: 'cancelled by the operator', outputTail };
      case 'not_started':
        return { outcome: 'not_started', durationMs: run.durationMs, message: run.error ?? 'the command did not start', outputTail };
    }
  } finally {
    await repo.run(['worktree', 'remove', '--force', path]).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
    await repo.run(['worktree', 'prune']).catch(() => undefined);
  }
}
