// Runbooks that firing alerts point at: an alert's runbook_url annotation matched to a runbook in the library, so the
// cockpit can offer to attach it.
import type { IncidentEvent } from '../events';
import type { RunbookSummary } from './runbook';

const withoutExtension = (path: string) => path.replace(/\.(md|markdown|html?)$/i, '');

/** The URL's path, decoded and lower-cased, without extension or trailing slash; the raw text if it is not a URL. */
function urlPath(url: string): string {
  let path = url.trim();
  try {
    path = new URL(path).pathname;
  } catch {
    path = path.split(/[?#]/)[0]!;
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep it encoded */
  }
  return withoutExtension(path.replace(/\/+$/, '')).toLowerCase();
}

/**
 * The library runbook a runbook_url points at: its path in the library (without `.md`) is the end of the URL's path, so a link
 * to the runbook in a git host or a docs site ("…/blob/main/checkout/errors.md") matches `checkout/errors`. The longest
 * matching path wins; a bare file name matches only when it is unique in the library.
 */
export function runbookForUrl<R extends Pick<RunbookSummary, 'id' | 'path'>>(url: string, runbooks: readonly R[]): R | undefined {
  const path = urlPath(url);
  if (!path) return undefined;
  const matches = runbooks
    .map((r) => ({ r, key: withoutExtension(r.path.replace(/\\/g, '/')).toLowerCase() }))
    .filter(({ key }) => key && (path === key || path.endsWith(`/${key}`)))
    .sort((a, b) => b.key.length - a.key.length);
  const best = matches[0];
  if (!best) return undefined;
  const tied = matches.filter((m) => m.key.length === best.key.length);
  return tied.length === 1 ? best.r : undefined;
}

export interface RunbookSuggestion<R> {
  runbook: R;
  alertname: string;
  url: string;
}

/**
 * What the offers need from an incident's log, folded event by event (the core keeps it per incident by lastSeq, so a request
 * never reads the log again): the first alert to link each distinct runbook path, in the order they first fired, and the
 * runbooks attached. Keyed by the URL's path, because that is all runbookForUrl reads: two links differing only in host, query
 * or extension cannot point at different runbooks, so remembering only the first keeps the fold small on a noisy incident.
 * There is no detach event (a checklist stays on the incident once attached), so the attached set only grows.
 */
export interface AlertRunbookLinks {
  links: Map<string, { url: string; alertname: string }>;
  attached: Set<string>;
}

export const emptyAlertRunbookLinks = (): AlertRunbookLinks => ({ links: new Map(), attached: new Set() });

export function applyAlertRunbookEvent(fold: AlertRunbookLinks, e: IncidentEvent): AlertRunbookLinks {
  if (e.type === 'runbook.attached') fold.attached.add(e.payload.runbookId);
  else if (e.type === 'alert.fired') {
    const url = e.payload.annotations?.runbook_url;
    const key = url ? urlPath(url) : '';
    if (url && key && !fold.links.has(key)) fold.links.set(key, { url, alertname: e.payload.alertname });
  }
  return fold;
}

/** The fold matched against the library: runbooks linked and not attached yet, one per runbook, first alert first. */
export function suggestionsFrom<R extends Pick<RunbookSummary, 'id' | 'path'>>(fold: AlertRunbookLinks, runbooks: readonly R[]): RunbookSuggestion<R>[] {
  const out = new Map<string, RunbookSuggestion<R>>();
  for (const { url, alertname } of fold.links.values()) {
    const runbook = runbookForUrl(url, runbooks);
    if (runbook && !fold.attached.has(runbook.id) && !out.has(runbook.id)) out.set(runbook.id, { runbook, alertname, url });
  }
  return [...out.values()];
}

/**
 * Runbooks the incident's alerts link to that are not attached yet, one per runbook, first alert first, from a whole log. Kept
 * as written before the fold above existed: it is what the fold must equal at every point of a log (the tests check that).
 */
export function alertRunbookSuggestions<R extends Pick<RunbookSummary, 'id' | 'path'>>(events: readonly IncidentEvent[], runbooks: readonly R[]): RunbookSuggestion<R>[] {
  const attached = new Set(events.flatMap((e) => (e.type === 'runbook.attached' ? [e.payload.runbookId] : [])));
  const out = new Map<string, RunbookSuggestion<R>>();
  for (const e of events) {
    if (e.type !== 'alert.fired') continue;
    const url = e.payload.annotations?.runbook_url;
    const runbook = url ? runbookForUrl(url, runbooks) : undefined;
    if (runbook && url && !attached.has(runbook.id) && !out.has(runbook.id)) out.set(runbook.id, { runbook, alertname: e.payload.alertname, url });
  }
  return [...out.values()];
}
