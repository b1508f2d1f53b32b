// Redacts the text of every error the router returns: an unexpected failure's message may quote a URL or header with a
// secret in it, and error envelopes reach the renderer, the browser host and the user's screen.
import type { Router } from '../ipc/router';
import type { SecretRedactor } from './secret-redactor';

export function redactingRouter(router: Router, redactor: SecretRedactor): Router {
  return {
    async dispatch(channel, input) {
      const result = await router.dispatch(channel, input);
      if (result.ok) return result;
      const { message, details, ...rest } = result.error;
      return {
        ok: false,
        error: { ...rest, message: redactor.redactText(message), ...(details !== undefined ? { details: redactor.redactValue(details) as typeof details } : {}) },
      };
    },
  };
}
