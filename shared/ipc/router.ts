// Dispatches a request by channel name: validates input against the contract, runs the handler, returns a Result envelope.
// Pure, so the core (every channel) and the review-bundle viewer (the read-only subset it can answer) share one dispatcher.
import { DomainError, fail, ok, type Result } from '../result';
import { contract, isChannel, type Channel, type OutputOf, type ParsedInputOf } from './index';

export type Handler<C extends Channel> = (input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface Router {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
}

export type ErrorReporter = (channel: string, error: unknown) => void;

/** What a partial router answers for a channel it does not serve (the review bundle, for anything that changes data). */
export type UnservedAnswer = (channel: Channel) => Result<never>;

export function createRouter(handlers: Handlers, reportError?: ErrorReporter): Router;
export function createRouter(handlers: Partial<Handlers>, reportError: ErrorReporter | undefined, unserved: UnservedAnswer): Router;
export function createRouter(handlers: Partial<Handlers>, reportError: ErrorReporter = () => undefined, unserved?: UnservedAnswer): Router {
  return {
    async dispatch(channel, input) {
      if (!isChannel(channel)) return fail('validation', `Unknown request "${String(channel).slice(0, 80)}".`);
      const handler = handlers[channel] as ((input: unknown) => Promise<unknown> | unknown) | undefined;
      if (!handler) return unserved ? unserved(channel) : fail('internal', `No handler for ${channel}.`);
      const parsed = contract[channel].input.safeParse(input ?? {});
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
        return fail('validation', `Invalid input for ${channel}: ${details[0]}`, details);
      }
      try {
        return ok(await handler(parsed.data));
      } catch (e) {
        if (e instanceof DomainError) return fail(e.code, e.message, e.details);
        reportError(channel, e);
        return fail('internal', `${channel} failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}
