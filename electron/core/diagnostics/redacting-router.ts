// Redacts what the router hands back where remote or unexpected text can carry a credential: every error envelope (an
// unexpected failure may quote a URL or header) and the answers of channels that relay a remote server's own words
// (connection tests quote error bodies, and a misconfigured proxy may echo the Authorization header back).
import type { Channel } from '../../../shared/ipc';
import type { Router } from '../ipc/router';
import type { SecretRedactor } from './secret-redactor';

/** Channels whose successful answers are diagnostic text from a remote server, never user data that must round-trip. */
export const remoteTextChannels: readonly Channel[] = ['jira.testConnection', 'pagerduty.testConnection', 'metrics.testConnection'];

export function redactingRouter(router: Router, redactor: SecretRedactor, redactAnswersOf: readonly string[] = remoteTextChannels): Router {
  return {
    async dispatch(channel, input, meta) {
      const result = await router.dispatch(channel, input, meta);
      if (result.ok) return redactAnswersOf.includes(channel) ? { ok: true, value: redactor.redactValue(result.value) } : result;
      const { message, details, ...rest } = result.error;
      return {
        ok: false,
        error: { ...rest, message: redactor.redactText(message), ...(details !== undefined ? { details: redactor.redactValue(details) as typeof details } : {}) },
      };
    },
  };
}
