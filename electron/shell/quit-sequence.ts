// Quitting waits for the core to close (log flushed and sealed, outbox and rollback outcomes written), up to a bound.
import type { App } from 'electron';

/** Long enough for fsyncs and a seal on a slow disk; short enough that a wedged close never keeps a zombie app around. */
export const CORE_CLOSE_TIMEOUT_MS = 15_000;

export type CloseOutcome = { kind: 'closed' } | { kind: 'failed'; error: unknown } | { kind: 'timed-out'; afterMs: number };

export async function closeWithin(close: () => Promise<void>, timeoutMs: number): Promise<CloseOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CloseOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timed-out', afterMs: timeoutMs }), timeoutMs);
  });
  try {
    return await Promise.race([close().then((): CloseOutcome => ({ kind: 'closed' }), (error: unknown): CloseOutcome => ({ kind: 'failed', error })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Holds `will-quit` until `close()` settles (or times out), then exits. Electron would otherwise end the process while the
 * core's writes are still pending.
 */
export function installQuitSequence(app: App, close: () => Promise<void> | undefined, report: (outcome: CloseOutcome) => void, timeoutMs = CORE_CLOSE_TIMEOUT_MS): void {
  let closing = false;
  app.on('will-quit', (event) => {
    event.preventDefault();
    if (closing) return;
    closing = true;
    const pending = close();
    if (!pending) return app.exit(0);
    void closeWithin(() => pending, timeoutMs).then((outcome) => {
      report(outcome);
      app.exit(outcome.kind === 'closed' ? 0 : 1);
    });
  });
}
