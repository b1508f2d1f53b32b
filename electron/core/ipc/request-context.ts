// The client request id of the request being served, carried through its async work so the incident store can stamp it on
// every event the request appends; a retry after a restart is then recognised from the log itself.
import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContext {
  requestId: string;
  /** False once the handler has answered: background work it started must not stamp later events with its id. */
  open: boolean;
}

const storage = new AsyncLocalStorage<RequestContext>();

export async function runAsRequest<T>(requestId: string, work: () => Promise<T>): Promise<T> {
  const context: RequestContext = { requestId, open: true };
  return storage.run(context, async () => {
    try {
      return await work();
    } finally {
      context.open = false;
    }
  });
}

/** The id of the request whose handler is running now, if any. */
export function currentRequestId(): string | undefined {
  const context = storage.getStore();
  return context?.open ? context.requestId : undefined;
}
