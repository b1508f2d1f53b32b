// Dispatches a request by channel name: validates input against the contract, runs the handler, returns a Result envelope.
import { contract, isChannel, type Channel, type OutputOf, type ParsedInputOf } from '../../../shared/ipc';
import { DomainError, fail, ok, type Result } from '../../../shared/result';

export type Handlers = { [C in Channel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C> };

export interface Router {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
}

export type ErrorReporter = (channel: string, error: unknown) => void;

export function createRouter(handlers: Handlers, reportError: ErrorReporter = () => undefined): Router {
  return {
    async dispatch(channel, input) {
      if (!isChannel(channel)) return fail('validation', `Unknown request "${String(channel).slice(0, 80)}".`);
      const parsed = contract[channel].input.safeParse(input ?? {});
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
        return fail('validation', `Invalid input for ${channel}: ${details[0]}`, details);
      }
      try {
        const handler = handlers[channel] as (input: unknown) => Promise<unknown> | unknown;
        return ok(await handler(parsed.data));
      } catch (e) {
        if (e instanceof DomainError) return fail(e.code, e.message, e.details);
        reportError(channel, e);
        return fail('internal', `${channel} failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}
