// The few events the metrics pane reads (ad-hoc panels, silences, alerts), kept by an incremental projection: a metrics
// request or poll reads this short list instead of scanning the whole log (which, past the log's hot tail, means reading it
// back from disk). Playback (metrics.captured) reads it too, with the marker projection, instead of the whole log.
import type { IncidentEvent } from '../../../shared/events';
import type { CapturedLogFacts } from '../../../shared/metrics/captured-view';
import type { ProjectionDef } from '../../../shared/projections/incremental-projection';

const PANEL_AND_SILENCE_TYPES: ReadonlySet<IncidentEvent['type']> = new Set<IncidentEvent['type']>([
  'metrics.panel_added',
  'metrics.panel_removed',
  'metrics.silence_created',
  'metrics.silence_expired',
]);

/** Alerts without a fingerprint are never read: firingFromEvents and alertsFromTimeline only follow fingerprinted ones. */
const kept = (e: IncidentEvent): boolean =>
  PANEL_AND_SILENCE_TYPES.has(e.type) || ((e.type === 'alert.fired' || e.type === 'alert.resolved') && !!e.payload.fingerprint);

export interface MetricsEventsFold extends Omit<CapturedLogFacts, 'markers' | 'describeMarker'> {
  events: IncidentEvent[];
  reachedMs: number[];
  /** The latest readable ts of the log so far (ms). */
  latestMs: number;
}

/**
 * The incident's panel, silence and fingerprinted alert events in log order (what adhocPanelsFromEvents, silenceViews,
 * firingFromEvents and alertsFromTimeline read), each with the latest ts of the log up to it (see CapturedLogFacts).
 */
export const metricsEventsProjection: ProjectionDef<MetricsEventsFold> = {
  name: 'metrics and alert events',
  initial: () => ({ events: [], reachedMs: [], latestMs: -Infinity }),
  apply: (fold, e) => {
    const ts = Date.parse(e.ts);
    // An unreadable ts (NaN) never moves it, as it never stops silenceViews.
    if (ts > fold.latestMs) fold.latestMs = ts;
    if (kept(e)) {
      fold.events.push(e);
      fold.reachedMs.push(fold.latestMs);
    }
    return fold;
  },
  view: (fold) => fold,
};
