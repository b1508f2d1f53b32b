// What a strategy sees while it runs: recorded steps, the cancel signal, and a way to say "from here on, cancel is not safe".
import { RollbackCancelled } from './rollback-failure';

export interface StepOptions {
  /** The readable command line, recorded with the step. */
  command?: string;
}

export interface StepContext {
  readonly signal: AbortSignal;
  /** Runs one step and records started / succeeded / failed events with the output tail. */
  step<T>(id: string, label: string, work: (output: (chunk: string) => void) => Promise<T>, options?: StepOptions): Promise<T>;
  /** After this, cancel requests are refused with `reason` (e.g. the push has been sent). */
  pointOfNoReturn(reason: string): void;
  /** Throws RollbackCancelled (with the given state) when the operator asked to cancel. */
  stopIfCancelled(state: string): void;
}

export interface ExecutionResult {
  summary: string;
  beforeSha?: string;
  afterSha?: string;
  outputTail?: string;
}

export function stopIfCancelled(signal: AbortSignal, state: string): void {
  if (signal.aborted) throw new RollbackCancelled(state);
}
