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

/** The captured panels up to a moment, sorted by title: what playback shows, and what the live pane shows for panels no server feeds. */
export function capturedPanelViews(captured: ReadonlyMap<string, CapturedRange[]>, untilMs: number, widthPx: number): PanelView[] {
  const panels: PanelView[] = [];
  for (const ranges of captured.values()) {
    const replay = replayPanel(ranges, untilMs);
    if (!replay) continue;
    const series = clipSeries(replay.series, -Infinity, untilMs);
    panels.push({
      ...replay.panel,
      origin: { kind: 'captured' },
      ...seriesForWire(series, widthPx),
      freshness: series.length > 0 ? { state: 'captured', capturedAt: replay.capturedAt } : { state: 'empty' },
      warnings: replay.warnings ?? [],
      range: { start: replay.start, end: Math.min(replay.end, untilMs / 1000), step: replay.step },
    });
  }
  return panels.sort((a, b) => a.title.localeCompare(b.title));
}

export function capturedMetricsView(input: CapturedViewInput): MetricsView {
  const until = input.untilMs ?? Infinity;
  const panels = capturedPanelViews(input.captured, until, input.widthPx);
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
