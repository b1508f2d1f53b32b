// Translates git failures into what the operator is told: a DomainError while planning, a RollbackFailure while running.
import { DomainError } from '../../../shared/result';
import type { RollbackFailureReason } from '../../../shared/rollback/rollback-plan';
import { GitError } from '../connectors/git/git-runner';

export function planningError(e: unknown, clonePath: string): unknown {
  if (!(e instanceof GitError)) return e;
  switch (e.kind) {
    case 'not_a_repo':
      return new DomainError('validation', `${e.message} Check git.clonePath (${clonePath}) in the service catalogue.`, [clonePath]);
    case 'auth':
      return new DomainError('unauthorized', `git could not authenticate to the remote: ${e.message}. Fix the credentials for this clone (ssh agent / credential helper), then plan again.`);
    case 'git_missing':
    case 'timeout':
      return new DomainError('unavailable', e.message);
    default:
      return new DomainError('conflict', e.message);
  }
}

export function failureReasonOf(e: GitError): RollbackFailureReason {
  switch (e.kind) {
    case 'auth':
      return 'auth_failed';
    case 'hook_rejected':
      return 'hook_rejected';
    case 'stale_lease':
      return 'lease_rejected';
    case 'conflict':
      return 'conflict';
    case 'timeout':
      return 'timeout';
    case 'not_a_repo':
    case 'git_missing':
      return 'misconfigured';
    default:
      return 'failed';
  }
}
