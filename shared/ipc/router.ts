// Dispatches a request by channel name: validates input against the contract, runs the handler, returns a Result envelope.
// Pure, so the core (every channel) and the review-bundle viewer (the read-only subset it can answer) share one dispatcher.
import { DomainError, fail, ok, type Result } from '../result';
import { contract, isChannel, type Channel, type OutputOf, type ParsedInputOf } from './index';
import { MAX_INPUT_DEPTH, nestsDeeperThan, unknownKeys } from './input-shape';

export type Handler<C extends Channel> = (input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C>;
export type Handlers = { [C in Channel]: Handler<C> };

/** What a transport knows about a request besides its input. */
export interface RequestMeta {
  /** Chosen by the client for a mutating request and reused on its retries (see electron/core/ipc/idempotent-router.ts). */
  requestId?: string;
}

export interface Router {
  dispatch(channel: string, input: unknown, meta?: RequestMeta): Promise<Result<unknown>>;
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
      if (nestsDeeperThan(input, MAX_INPUT_DEPTH)) return fail('validation', `Invalid input for ${channel}: it is nested deeper than ${MAX_INPUT_DEPTH} levels.`);
      const parsed = contract[channel].input.safeParse(input ?? {});
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
        return fail('validation', `Invalid input for ${channel}: ${details[0]}`, details);
      }
      const unknown = unknownKeys(input ?? {}, parsed.data);
      if (unknown.length > 0) {
        const details = unknown.map((path) => `unknown key "${path}"`);
        return fail('validation', `Invalid input for ${channel}: ${details[0]} (check its spelling; nothing was changed).`, details);
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
