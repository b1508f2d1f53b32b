// The core's dispatcher is the shared one (shared/ipc/router.ts): the review-bundle viewer answers its subset with the same code.
// The core adds one thing in development and test runs: every answer is checked against the channel's output schema.
import { contract, isChannel } from '../../../shared/ipc';
import type { ErrorReporter, Router } from '../../../shared/ipc/router';
import { fail } from '../../../shared/result';

export { createRouter, type ErrorReporter, type Handler, type Handlers, type RequestMeta, type Router } from '../../../shared/ipc/router';

/** Development and test runs (vitest sets NODE_ENV=test), or FIREBREAK_CHECK_OUTPUTS=1; never a production build. */
export function outputChecksWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.FIREBREAK_CHECK_OUTPUTS === '1' || env.NODE_ENV === 'test' || env.NODE_ENV === 'development';
}

/**
 * Checks every successful answer against the channel's output schema, so drift between a handler and the contract fails a
 * test instead of reaching the renderer. Off in production (it costs a full parse of every answer); the answer that goes
 * out is the handler's own value, never the parsed copy, so checking cannot change what production would send.
 */
export function withOutputChecks(router: Router, reportError: ErrorReporter = () => undefined, enabled = outputChecksWanted()): Router {
  if (!enabled) return router;
  return {
    async dispatch(channel, input, meta) {
      const result = await router.dispatch(channel, input, meta);
      if (!result.ok || !isChannel(channel)) return result;
      const checked = contract[channel].output.safeParse(result.value);
      if (checked.success) return result;
      const details = checked.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(output)'}: ${i.message}`);
      const drift = new Error(`${channel} answered outside its contract: ${details.join('; ')}`);
      reportError(channel, drift);
      return fail('internal', drift.message, details);
    },
  };
}
