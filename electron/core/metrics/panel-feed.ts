// One panel's live data during an incident: incremental range fetches on the step grid, captured as they arrive, last good data kept.
import type { CapturedRange } from '../../../shared/metrics/capture-segment';
import { nextPollDelay } from '../../../shared/metrics/freshness';
import type { IncidentPanel } from '../../../shared/metrics/incident-panels';
import type { TimeRange } from '../../../shared/metrics/incident-range';
import { alignRange, chooseStep } from '../../../shared/metrics/query-step';
import { clipSeries, mergeSeries, type MetricSeries } from '../../../shared/metrics/series';
import { ConnectorError } from '../connectors/prometheus/endpoint-client';
import type { PrometheusApi } from '../connectors/prometheus/prometheus-api';

export interface Failure {
  message: string;
  kind?: string;
  status?: number;
}

export function failureOf(e: unknown): Failure {
  if (e instanceof ConnectorError) return { message: e.message, kind: e.kind, ...(e.status !== undefined ? { status: e.status } : {}) };
  return { message: e instanceof Error ? e.message : String(e) };
}

export interface FeedContext {
  now(): number;
  /** The API for the panel's server, or undefined when that server is no longer configured. */
  api(serverId: string): PrometheusApi | undefined;
  capture(range: CapturedRange): Promise<void>;
  refreshMs: number;
}

export class PanelFeed {
  series: MetricSeries[] = [];
  warnings: string[] = [];
  lastSuccessAt: number | undefined;
  lastFailureAt: number | undefined;
  lastError: Failure | undefined;
  /** When the data on screen came from disk rather than a fetch of this session. */
  capturedAt: string | undefined;
  captureError: string | undefined;
  private step: number | undefined;
  private rangeStart: number | undefined;
  private fetchedEnd: number | undefined;
  private failures = 0;
  private nextAttemptAt = 0;

  constructor(public panel: IncidentPanel) {}

  /** Starts from what an earlier session captured, so the pane has data before (or without) the first fetch. */
  seed(captured: CapturedRange | undefined): void {
    if (!captured || this.lastSuccessAt !== undefined) return;
    this.series = captured.series;
    this.capturedAt = captured.capturedAt;
    this.warnings = captured.warnings ?? [];
  }

  get range(): { start: number; end: number; step: number } | undefined {
    return this.step !== undefined && this.rangeStart !== undefined && this.fetchedEnd !== undefined
      ? { start: this.rangeStart, end: this.fetchedEnd, step: this.step }
      : undefined;
  }

  /** Fetches what is new since the last fetch (or everything when the step changed); false when it failed. */
  async refresh(ctx: FeedContext, range: TimeRange, widthPx: number, rangeOpen: boolean, force = false): Promise<boolean> {
    const now = ctx.now();
    if (!force && now < this.nextAttemptAt) return this.lastError === undefined;
    const api = ctx.api(this.panel.serverId);
    if (!api) return this.fail(ctx, { message: `No Prometheus server "${this.panel.serverId}" is configured any more; add it in Settings.`, kind: 'not_configured' });
    const step = chooseStep(range.end - range.start, widthPx);
    const aligned = alignRange(range.start, range.end, step);
    const incremental = this.step === step && this.rangeStart === aligned.start && this.fetchedEnd !== undefined;
    if (incremental && !rangeOpen && this.fetchedEnd! >= aligned.end) return true;
    // Re-ask the last two steps too: samples scraped late fill in points that were empty a moment ago.
    const from = incremental ? Math.max(aligned.start, this.fetchedEnd! - 2 * step) : aligned.start;
    let result;
    try {
      result = await api.rangeQuery(this.panel.promql, from, aligned.end, step);
    } catch (e) {
      return this.fail(ctx, failureOf(e));
    }
    const capturedAt = new Date(ctx.now()).toISOString();
    const { origin: _origin, ...panel } = this.panel;
    try {
      await ctx.capture({ panel, capturedAt, start: from, end: aligned.end, step, series: result.series, warnings: result.warnings });
      this.captureError = undefined;
    } catch (e) {
      // The data is still good to show; say plainly that it is not being kept.
      this.captureError = `Not captured: ${(e as Error).message}`;
    }
    this.series = incremental ? clipSeries(mergeSeries([this.series, result.series]), aligned.start * 1000, Infinity) : result.series;
    this.warnings = result.warnings;
    this.step = step;
    this.rangeStart = aligned.start;
    this.fetchedEnd = aligned.end;
    this.lastSuccessAt = ctx.now();
    this.lastError = undefined;
    this.capturedAt = undefined;
    this.failures = 0;
    this.nextAttemptAt = 0;
    return true;
  }

  private fail(ctx: FeedContext, failure: Failure): false {
    this.lastError = failure;
    this.lastFailureAt = ctx.now();
    this.failures++;
    this.nextAttemptAt = ctx.now() + nextPollDelay(ctx.refreshMs, this.failures);
    return false;
  }
}
