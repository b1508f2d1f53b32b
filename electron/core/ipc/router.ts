// Dispatches a request by channel name: validates input against the contract, runs the handler, returns a Result envelope.
import { contract, isChannel, type Channel, type OutputOf, type ParsedInputOf } from '../../../shared/ipc';
import { DomainError, fail, ok, type Result } from '../../../shared/result';

export type Handlers = { [C in Channel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C> };

export interface Router {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
}

export type ErrorReporter = (channel: string, error: unknown) => void;

export interface RouterOptions {
  /**
   * Also check every answer against the channel's output schema, so drift between a handler and the contract fails a test.
   * On in development and test runs, off in production (it costs a full parse of every answer).
   */
  checkOutputs?: boolean;
}

/** Development and test runs (vitest sets NODE_ENV=test), or FIREBREAK_CHECK_OUTPUTS=1; never a production build. */
export function outputChecksWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.FIREBREAK_CHECK_OUTPUTS === '1' || env.NODE_ENV === 'test' || env.NODE_ENV === 'development';
}

export function createRouter(handlers: Handlers, reportError: ErrorReporter = () => undefined, options: RouterOptions = {}): Router {
  const checkOutputs = options.checkOutputs ?? outputChecksWanted();
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
        const output = await handler(parsed.data);
        if (checkOutputs) {
          const checked = contract[channel].output.safeParse(output);
          if (!checked.success) {
            const details = checked.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(output)'}: ${i.message}`);
            const drift = new Error(`${channel} answered outside its contract: ${details.join('; ')}`);
            reportError(channel, drift);
            return fail('internal', drift.message, details);
          }
        }
        // The handler's value itself goes out (not the parsed copy): checking must never change what production would send.
        return ok(output);
      } catch (e) {
        if (e instanceof DomainError) return fail(e.code, e.message, e.details);
        reportError(channel, e);
        return fail('internal', `${channel} failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}
