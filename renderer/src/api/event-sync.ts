// Keeps the renderer's cache in step with the core by deltas, not reloads: when an incident changes, only the events after
// the cached last sequence number are fetched and appended, and only the domains those events can affect are refreshed.
import type { Query, QueryClient } from '@tanstack/react-query';
import type { IncidentEvent } from '../../../shared/events';
import type { FirebreakClient } from './client';
import { prependNewRows } from './window-append';

export const timelineKey = (incidentId: string) => ['timeline', incidentId] as const;
/** The pages of a windowed timeline (use-timeline-window.ts): ['timeline-window', incidentId, query, start]. */
export const timelineWindowKey = (incidentId: string) => ['timeline-window', incidentId] as const;

/**
 * Which cached domains (query keys [root, incidentId, …]) an event type can change; a `root/part` entry narrows one query
 * under a root ([root, incidentId, part, …]). A root not listed here is refreshed on every change: new panes stay correct by
 * default, and narrowing them is an optimisation added here (event-affects.test.ts checks the hot-fix and cadence rules
 * against their folds).
 */
const affects: Record<string, (type: string) => boolean> = {
  rollback: (t) => t.startsWith('rollback.'),
  // Key times move with alerts, acknowledgements, status changes and verified rollbacks (key-times.ts), never with a note or a sample.
  'key-times': (t) => t !== 'note.added' && t !== 'metric.observed',
  'runbook-checklists': (t) => t.startsWith('runbook.'),
  // Offers come from the alerts' runbook links less the runbooks attached (runbooks.alertOffers).
  'runbook-offers': (t) => t === 'alert.fired' || t === 'runbook.attached',
  outbox: (t) => t.startsWith('outbox.') || t.startsWith('update.delivery'),
  jira: (t) => t.startsWith('jira.') || t.startsWith('outbox.'),
  pagerduty: (t) => t.startsWith('pagerduty.') || t.startsWith('page.') || t.startsWith('outbox.'),
  // Drafts are built from the whole story, but a raw metric sample never changes what they say.
  updates: (t) => t !== 'metric.observed',
  // The live metrics view refreshes on its own interval (seconds) while shown, markers included: a note or a sample only
  // brings its marker forward by that much, so they do not refetch every panel's data on each append. Everything else
  // that marks the charts (status, deploys, rollbacks, alerts, silences, panels) refreshes it at once.
  metrics: (t) => t !== 'metric.observed' && t !== 'note.added',
  // Hot fixes and their rollouts fold only their own events (hotfix-state.ts, rollout-state.ts; a rollout moves its hot fix).
  hotfix: (t) => t.startsWith('hotfix.') || t.startsWith('rollout.'),
  // ['updates', id, 'cadence']: declaration, severity, status and the updates' own events (applyCadenceEvent); the passing
  // of time moves it on its own refresh. Drafts and facts (notes are facts) keep the rule of 'updates'.
  'updates/cadence': (t) => t.startsWith('incident.') || t.startsWith('update.'),
};

/** Whether an event of this type can change the cached query with this key ([root, incidentId, …]). */
export function eventAffects(queryKey: readonly unknown[], type: string): boolean {
  const [root, , part] = queryKey;
  if (typeof root !== 'string') return true;
  const rule = affects[`${root}/${String(part)}`] ?? affects[root];
  return !rule || rule(type);
}

/** Events per timeline.events page (the contract's largest). */
const EVENTS_PAGE = 20000;
/** Pages asked for at once while a long log loads: the core serializes one while the page parses the one before. */
const PAGES_IN_FLIGHT = 3;

/**
 * Every event after `afterSeq`, oldest first. The first page says where the log ends (`lastSeq`); the pages after it are asked
 * for at once (three at a time) by fixed strides of sequence numbers instead of one after another, each from where the one
 * before it would end. Sequence numbers are unique and rising, so a page of `limit` events after `a` reaches at least
 * `a + limit`: trimmed there, the strides join without a gap or a repeat even where numbers are missing. The 100k-event log
 * came in five pages one after another, 1.5 s, most of it each page waiting for the one before it.
 */
export async function loadEventsAfter(client: FirebreakClient, incidentId: string, afterSeq: number, onPage?: (loaded: number) => void): Promise<IncidentEvent[]> {
  const page = (after: number) => client.callOrThrow('timeline.events', { incidentId, afterSeq: after, limit: EVENTS_PAGE });
  const first = await page(afterSeq);
  const pages: IncidentEvent[][] = [first.events];
  let loaded = first.events.length;
  onPage?.(loaded);
  let next = first.events.at(-1)?.seq;
  if (!first.hasMore || next === undefined) return first.events;
  // Strides from the end of the first page to the log's end as the first page saw it.
  const starts: number[] = [];
  for (let at = next; at < first.lastSeq; at += EVENTS_PAGE) starts.push(at);
  const strided: IncidentEvent[][] = new Array(starts.length);
  let taken = 0;
  let endHasMore = starts.length === 0;
  const worker = async () => {
    while (taken < starts.length) {
      const k = taken++;
      const from = starts[k]!;
      const to = starts[k + 1];
      const answer = await page(from);
      strided[k] = to === undefined ? answer.events : answer.events.filter((e) => e.seq <= to);
      if (to === undefined) endHasMore = answer.hasMore;
      loaded += strided[k]!.length;
      onPage?.(loaded);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PAGES_IN_FLIGHT, starts.length) }, worker));
  pages.push(...strided);
  // Events appended while the strides loaded: after the last one, one page after another as before.
  next = strided.at(-1)?.at(-1)?.seq ?? next;
  while (endHasMore) {
    const more = await page(next);
    if (more.events.length === 0) break;
    pages.push(more.events);
    loaded += more.events.length;
    onPage?.(loaded);
    next = more.events.at(-1)!.seq;
    endHasMore = more.hasMore;
  }
  return pages.flat();
}

const inFlight = new Map<string, Promise<void>>();

/** Applies one `incident.changed` notification. Changes to one incident are applied in order, one at a time. */
export function applyIncidentChange(queryClient: QueryClient, client: FirebreakClient, change: { incidentId: string; lastSeq: number }): Promise<void> {
  const previous = inFlight.get(change.incidentId) ?? Promise.resolve();
  const next = previous.then(() => appendDelta(queryClient, client, change)).catch(() => invalidateAll(queryClient, change.incidentId));
  inFlight.set(change.incidentId, next);
  void next.finally(() => inFlight.get(change.incidentId) === next && inFlight.delete(change.incidentId));
  return next;
}

async function appendDelta(queryClient: QueryClient, client: FirebreakClient, { incidentId, lastSeq }: { incidentId: string; lastSeq: number }): Promise<void> {
  void queryClient.invalidateQueries({ queryKey: ['incidents', incidentId] });
  void queryClient.invalidateQueries({ queryKey: ['incidents'], exact: true });
  const cached = queryClient.getQueryData<IncidentEvent[]>(timelineKey(incidentId));
  if (!cached) return appendToWindow(queryClient, client, incidentId, lastSeq);
  const cachedLast = cached.at(-1)?.seq ?? 0;
  if (lastSeq === cachedLast) return;
  // A log that went backwards (a torn tail truncated after a crash, for example) cannot be patched: reload it.
  if (lastSeq < cachedLast) return invalidateAll(queryClient, incidentId);
  const added = await loadEventsAfter(client, incidentId, cachedLast);
  if (added.length === 0) return;
  if (added[0]!.seq <= cachedLast) return invalidateAll(queryClient, incidentId);
  queryClient.setQueryData<IncidentEvent[]>(timelineKey(incidentId), (old) => {
    const base = old ?? cached;
    const last = base.at(-1)?.seq ?? 0;
    return [...base, ...added.filter((e) => e.seq > last)];
  });
  invalidateAffected(queryClient, incidentId, added);
}

/**
 * A large incident's timeline is a window of pages (timeline.page), not the cached log: the delta's events are fetched to
 * know which domains they touch and which rows are new; the newest page takes the new rows in front, other pages are
 * fetched again.
 */
async function appendToWindow(queryClient: QueryClient, client: FirebreakClient, incidentId: string, lastSeq: number): Promise<void> {
  const pages = queryClient.getQueriesData<{ lastSeq: number }>({ queryKey: timelineWindowKey(incidentId) });
  const windowLast = Math.max(-1, ...pages.map(([, page]) => page?.lastSeq ?? -1));
  // Nothing loaded yet: the next reader loads it.
  if (windowLast < 0) return invalidateAll(queryClient, incidentId);
  if (lastSeq === windowLast) return;
  if (lastSeq < windowLast) return invalidateAll(queryClient, incidentId);
  const added = await loadEventsAfter(client, incidentId, windowLast);
  // The newest page takes the new rows in front (window-append.ts); any other page, or one that cannot, is fetched again.
  const patched = await Promise.all(pages.map(([key]) => prependNewRows(queryClient, client, incidentId, key, added).catch(() => false)));
  const stale = pages.filter((_, i) => !patched[i]).map(([key]) => JSON.stringify(key));
  if (stale.length > 0) void queryClient.invalidateQueries({ queryKey: timelineWindowKey(incidentId), predicate: (q) => stale.includes(JSON.stringify(q.queryKey)) });
  invalidateAffected(queryClient, incidentId, added);
}

function invalidateAffected(queryClient: QueryClient, incidentId: string, added: readonly IncidentEvent[]): void {
  const types = new Set(added.map((e) => e.type));
  void invalidate(queryClient, (q) => {
    const [root, id] = q.queryKey;
    // The timeline (log or window pages) and the incident are kept current by the delta itself.
    if (id !== incidentId || root === 'timeline' || root === 'timeline-window' || root === 'incidents') return false;
    return [...types].some((type) => eventAffects(q.queryKey, type));
  });
}

function invalidateAll(queryClient: QueryClient, incidentId: string): Promise<void> {
  return invalidate(queryClient, (q) => q.queryKey[1] === incidentId || (q.queryKey[0] === 'incidents' && q.queryKey.length === 1));
}

/**
 * invalidateQueries, also for a query still on its first fetch. react-query cancels a running fetch only when the query has
 * data; on a first fetch it lets that fetch finish, and its answer (read before this change) clears the invalidation. A
 * change pushed while the cockpit loaded a just-declared incident was lost that way: an alert recorded a moment after the
 * declaration never reached its timeline. Such queries are asked again once their first answer has landed.
 */
async function invalidate(queryClient: QueryClient, predicate: (q: Query) => boolean): Promise<void> {
  const firstFetches = queryClient
    .getQueryCache()
    .findAll({ predicate })
    .filter((q) => q.state.data === undefined && q.state.fetchStatus === 'fetching');
  await queryClient.invalidateQueries({ predicate });
  if (firstFetches.length > 0) await queryClient.invalidateQueries({ predicate: (q) => firstFetches.includes(q) });
}
