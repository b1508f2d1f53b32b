// The few events the live metrics pane reads (ad-hoc panels, silences, alerts the core recorded), kept by an incremental
// projection: a metrics request or poll reads this short list instead of scanning the whole log (which, past the log's hot
// tail, means reading it back from disk).
import type { IncidentEvent } from '../../../shared/events';
import type { ProjectionDef } from '../../../shared/projections/incremental-projection';

const METRICS_TYPES: ReadonlySet<IncidentEvent['type']> = new Set<IncidentEvent['type']>([
  'metrics.panel_added',
  'metrics.panel_removed',
  'metrics.silence_created',
  'metrics.silence_expired',
  'alert.fired',
  'alert.resolved',
]);

/** The incident's metrics and alert events, in log order (adhocPanelsFromEvents, silenceViews and firingFromEvents read only these). */
export const metricsEventsProjection: ProjectionDef<IncidentEvent[], readonly IncidentEvent[]> = {
  name: 'metrics and alert events',
  initial: () => [],
  apply: (events, e) => {
    if (METRICS_TYPES.has(e.type)) events.push(e);
    return events;
  },
  view: (events) => events,
};
