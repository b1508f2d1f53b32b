// The error a rollback step throws: a reason the UI knows, a message, and where the system stands afterwards.
import type { RollbackFailureReason } from '../../../shared/rollback/rollback-plan';

export interface FailureFacts {
  beforeSha?: string;
  remoteSha?: string;
  outputTail?: string;
}

export class RollbackFailure extends Error {
  constructor(
    readonly reason: RollbackFailureReason,
    message: string,
    /** Where the repository / system stands now; filled in by the strategy that knows. */
    public state: string,
    readonly facts: FailureFacts = {},
  ) {
    super(message);
    this.name = 'RollbackFailure';
  }
}

/** Thrown when the operator cancelled at a point where that was safe. */
export class RollbackCancelled extends Error {
  constructor(
    readonly state: string,
    readonly outputTail?: string,
  ) {
    super('Cancelled by the operator');
    this.name = 'RollbackCancelled';
  }
}
