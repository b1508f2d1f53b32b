// Opens an incident's log before any request about it runs: the store lists incidents from summaries and opens logs lazily, and
// everything behind this (handlers, and the recall of retried requests from the events that carry their id) reads opened logs.
import type { IncidentStore } from '../store/incident-store';
import type { RequestMeta, Router } from './router';

export interface OpeningOptions {
  /**
   * Channels whose handlers answer without the opened log or open it themselves (the incident's header from its summary,
   * the first timeline page from the log's tail while the log opens in the background: incidents/cold-timeline.ts).
   */
  opensItself?: ReadonlySet<string>;
  /** Awaited before a request opens an incident's log (the first timeline page goes first: ColdTimeline.beforeOpen). */
  beforeOpen?: (incidentId: string) => Promise<void>;
}

export function openingRouter(store: Pick<IncidentStore, 'has' | 'ensureOpen'>, router: Router, options: OpeningOptions = {}): Router {
  return {
    async dispatch(channel: string, input: unknown, meta?: RequestMeta) {
      const incidentId = typeof input === 'object' && input !== null ? (input as { incidentId?: unknown }).incidentId : undefined;
      if (typeof incidentId === 'string' && store.has(incidentId) && !options.opensItself?.has(channel)) {
        await options.beforeOpen?.(incidentId);
        await store.ensureOpen(incidentId);
      }
      return router.dispatch(channel, input, meta);
    },
  };
}
