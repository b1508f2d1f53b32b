// Checks a service's git.clonePath when the service is saved: a bare repository has no working tree to revert in, so it is
// refused with a clear message at save time instead of failing later when a rollback is planned mid-incident.
import { stat } from 'node:fs/promises';
import { DomainError } from '../../../shared/result';
import { runGit } from '../connectors/git/git-runner';

function clonePathOf(entry: unknown): string | undefined {
  const git = (entry as { git?: { clonePath?: unknown } } | undefined)?.git;
  return typeof git?.clonePath === 'string' && git.clonePath.trim() ? git.clonePath.trim() : undefined;
}

/** Throws a validation error for a bare repository; a path that does not exist yet (or is not a repository) is left to planning. */
export async function assertWorkingClone(entry: unknown): Promise<void> {
  const clonePath = clonePathOf(entry);
  if (!clonePath) return;
  const exists = await stat(clonePath).then((s) => s.isDirectory(), () => false);
  if (!exists) return;
  const bare = await runGit(['rev-parse', '--is-bare-repository'], { cwd: clonePath }).then((out) => out.stdout.trim() === 'true', () => false);
  if (bare) {
    throw new DomainError(
      'validation',
      `${clonePath} is a bare repository. git.clonePath must be a working clone that you work in (git clone <url> <folder>, without --bare): rollbacks are prepared in its working tree.`,
      ['service.git.clonePath'],
    );
  }
}
