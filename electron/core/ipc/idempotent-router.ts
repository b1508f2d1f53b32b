// Makes client retries safe: a mutating request with a request id runs once. A retry while it runs shares its answer, a
// retry after it answered gets the same answer, and after a restart the answer is recalled from the events that carry the id.
import { isChannel, isReadOnlyChannel, REQUEST_ID_PATTERN, type Channel } from '../../../shared/ipc';
import { fail, type Result } from '../../../shared/result';
import { runAsRequest } from './request-context';
import type { RequestMeta, Router } from './router';

/** Looks a request id up in what was committed before this process started; undefined when it never committed anything. */
export type RecallCommitted = (channel: Channel, requestId: string) => Result<unknown> | undefined;

interface Answer {
  channel: string;
  result: Promise<Result<unknown>>;
}

/** Answers kept in memory; older retries fall back to the log. Bounded so a long session does not grow without end. */
const REMEMBERED_ANSWERS = 500;

export function idempotentRouter(router: Router, recall: RecallCommitted): Router {
  const answers = new Map<string, Answer>();

  const remember = (requestId: string, answer: Answer) => {
    answers.set(requestId, answer);
    if (answers.size > REMEMBERED_ANSWERS) answers.delete(answers.keys().next().value!);
  };

  return {
    async dispatch(channel, input, meta?: RequestMeta) {
      const requestId = meta?.requestId;
      if (requestId === undefined || !isChannel(channel) || isReadOnlyChannel(channel)) return router.dispatch(channel, input, meta);
      if (!REQUEST_ID_PATTERN.test(requestId)) {
        return fail('validation', 'The request id must be 16 to 64 letters, digits, "-" or "_"; the client sends a new random one per request.');
      }
      const earlier = answers.get(requestId);
      if (earlier) {
        if (earlier.channel !== channel) {
          return fail('validation', `Request id ${requestId} was already used for ${earlier.channel}; a new request needs a new id.`);
        }
        return earlier.result;
      }
      const recalled = recall(channel, requestId);
      if (recalled) {
        remember(requestId, { channel, result: Promise.resolve(recalled) });
        return recalled;
      }
      const result = runAsRequest(requestId, () => router.dispatch(channel, input, meta));
      remember(requestId, { channel, result });
      const settled = await result;
      // A refused or failed request may be retried for real: forget it, unless it committed events (then the log answers).
      if (!settled.ok) answers.delete(requestId);
      return settled;
    },
  };
}
