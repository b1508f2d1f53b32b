// The metrics pane as captured: panels replayed from capture segments and alerts from the log, up to a moment. Pure, so the
// core (playback from disk) and a review bundle opened in a browser (segments embedded in the file) show the same thing.
import type { IncidentEvent } from '../events';
import type { IncidentState } from '../incidents/incident-state';
import type { MetricsView, PanelView } from '../ipc/metrics';
import { replayPanel, type CapturedRange } from './capture-segment';
import { describeMarker, MarkerColumns } from './marker-columns';
import { incidentRange, type RangeOptions } from './incident-range';
import { alertsFromTimeline, seriesForWire, silenceViews } from './metrics-view';
import { clipSeries } from './series';

/**
 * What the captured view reads from the log: its alert and silence events, each with the latest ts of the log up to it
 * (silenceViews stops at the first event of the log recorded past the cursor, whatever its type), and the chart marker
 * candidates (and what a chosen one says, read by seq). The core keeps these in incremental projections; capturedLogFacts
 * computes them from the whole log.
 */
export interface CapturedLogFacts {
  events: readonly IncidentEvent[];
  reachedMs: readonly number[];
  markers: MarkerColumns;
  describeMarker: (seq: number) => { actor: string; text: string };
}

export function capturedLogFacts(log: readonly IncidentEvent[]): CapturedLogFacts {
  const events: IncidentEvent[] = [];
  const reachedMs: number[] = [];
  const markers = new MarkerColumns();
  const bySeq = new Map<number, IncidentEvent>();
  let latest = -Infinity;
  for (const e of log) {
    const ts = Date.parse(e.ts);
    if (ts > latest) latest = ts;
    if (e.type.startsWith('alert.') || e.type.startsWith('metrics.silence_')) {
      events.push(e);
      reachedMs.push(latest);
    }
    const before = markers.length;
    markers.add(e);
    if (markers.length > before) bySeq.set(e.seq, e);
  }
  return { events, reachedMs, markers, describeMarker: (seq) => describeMarker(bySeq.get(seq)!) };
}

interface CapturedViewBase {
  incidentId: string;
  state: IncidentState;
  captured: ReadonlyMap<string, CapturedRange[]>;
  captureProblems: string[];
  untilMs: number | undefined;
  widthPx: number;
  now: number;
  config: { configured: boolean; alertmanagerConfigured: boolean; refreshSeconds: number; range: RangeOptions };
}

export interface CapturedViewInput extends CapturedViewBase {
  events: readonly IncidentEvent[];
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
  return capturedMetricsViewOf({ ...input, facts: capturedLogFacts(input.events) });
}

/** The captured view from the log's facts (the same view capturedMetricsView gives from the whole log). */
export function capturedMetricsViewOf(input: CapturedViewBase & { facts: CapturedLogFacts }): MetricsView {
  const until = input.untilMs ?? Infinity;
  const panels = capturedPanelViews(input.captured, until, input.widthPx);
  const range = incidentRange(input.state, Math.min(input.now, until), input.config.range);
  const { events, reachedMs, markers } = input.facts;
  const alerts = alertsFromTimeline(events, until);
  // The events silenceViews read before stopping at the first one of the log recorded past the cursor.
  const beforeCursor = events.filter((_, i) => !(reachedMs[i]! > until));
  return {
    incidentId: input.incidentId,
    configured: input.config.configured,
    live: false,
    refreshSeconds: input.config.refreshSeconds,
    range,
    panels,
    alerts: { configured: input.config.alertmanagerConfigured, alerts, silences: silenceViews(beforeCursor, undefined, alerts, until), freshness: { state: 'captured' } },
    markers: markers.inRange(range.start * 1000, range.end * 1000, input.facts.describeMarker, until),
    problems: input.captureProblems,
  };
}
