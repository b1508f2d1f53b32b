// The metrics pane as captured: panels replayed from capture segments and alerts from the log, up to a moment. Pure, so the
// core (playback from disk) and a review bundle opened in a browser (segments embedded in the file) show the same thing.
import type { IncidentEvent } from '../events';
import type { IncidentState } from '../incidents/incident-state';
import type { MetricsView, PanelView } from '../ipc/metrics';
import { replayPanel, type CapturedRange } from './capture-segment';
import { markersFromEvents } from './event-markers';
import { incidentRange, type RangeOptions } from './incident-range';
import { alertsFromTimeline, seriesForWire, silenceViews } from './metrics-view';
import { clipSeries } from './series';

export interface CapturedViewInput {
  incidentId: string;
  state: IncidentState;
  events: readonly IncidentEvent[];
  captured: ReadonlyMap<string, CapturedRange[]>;
  captureProblems: string[];
  untilMs: number | undefined;
  widthPx: number;
  now: number;
  config: { configured: boolean; alertmanagerConfigured: boolean; refreshSeconds: number; range: RangeOptions };
}

export function capturedMetricsView(input: CapturedViewInput): MetricsView {
  const until = input.untilMs ?? Infinity;
  const panels: PanelView[] = [];
  for (const ranges of input.captured.values()) {
    const replay = replayPanel(ranges, until);
    if (!replay) continue;
    const series = clipSeries(replay.series, -Infinity, until);
    panels.push({
      ...replay.panel,
      origin: { kind: 'captured' },
      ...seriesForWire(series, input.widthPx),
      freshness: series.length > 0 ? { state: 'captured', capturedAt: replay.capturedAt } : { state: 'empty' },
      warnings: replay.warnings ?? [],
      range: { start: replay.start, end: Math.min(replay.end, until / 1000), step: replay.step },
    });
  }
  panels.sort((a, b) => a.title.localeCompare(b.title));
  const range = incidentRange(input.state, Math.min(input.now, until), input.config.range);
  const alerts = alertsFromTimeline(input.events, until);
  return {
    incidentId: input.incidentId,
    configured: input.config.configured,
    live: false,
    refreshSeconds: input.config.refreshSeconds,
    range,
    panels,
    alerts: { configured: input.config.alertmanagerConfigured, alerts, silences: silenceViews(input.events, undefined, alerts, until), freshness: { state: 'captured' } },
    markers: markersFromEvents(
      input.events.filter((e) => Date.parse(e.ts) <= until),
      range.start * 1000,
      range.end * 1000,
    ),
    problems: input.captureProblems,
  };
}
