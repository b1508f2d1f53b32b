// Live metrics use cases: a poller per watched incident (panels + alerts), ad-hoc panels, silences, playback from captures.
import { metricsEventsProjection } from './metrics-events';
import type { IncidentEvent } from '../../../shared/events';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { NewEvent } from '../../../shared/events';
import type { IncidentState } from '../../../shared/incidents/incident-state';
import type { MetricsView, ParsedInputOf, PanelView, SilenceView } from '../../../shared/ipc';
import { freshnessOf } from '../../../shared/metrics/freshness';
import { adhocPanelsFromEvents, panelsForIncident } from '../../../shared/metrics/incident-panels';
import { incidentRange, rangeIsOpen, type RangeOptions } from '../../../shared/metrics/incident-range';
import { describeMarker } from '../../../shared/metrics/marker-columns';
import { markerProjection } from '../../../shared/projections/domain-projections';
import { replayPanel } from '../../../shared/metrics/capture-segment';
import { serverFor, type MetricsConfig } from '../../../shared/metrics/metrics-config';
import { DomainError } from '../../../shared/result';
import type { IncidentService } from '../incidents/incident-service';
import type { SecretVault } from '../secrets/secret-vault';
import type { IncidentStore } from '../store/incident-store';
import { AlertmanagerApi } from '../connectors/prometheus/alertmanager-api';
import { EndpointClient, type FetchLike } from '../connectors/prometheus/endpoint-client';
import { PrometheusApi } from '../connectors/prometheus/prometheus-api';
import { AlertFeed, type AlertContext } from './alert-feed';
import { CaptureStore } from './capture-store';
import { MetricsSettings } from './metrics-settings';
import { PanelFeed } from './panel-feed';
import { seriesForWire, silenceViews } from '../../../shared/metrics/metrics-view';
import { capturedMetricsViewOf, capturedPanelViews } from '../../../shared/metrics/captured-view';
import type { CapturedRange } from '../../../shared/metrics/capture-segment';

export interface MetricsServiceOptions {
  dataDir: string;
  store: IncidentStore;
  incidents: IncidentService;
  operator: () => string;
  /** Where endpoint passwords and tokens are kept; without one they stay in metrics.json (mode 0600). */
  vault?: SecretVault;
  now?: () => number;
  fetch?: FetchLike;
  /** Told after every poll, so windows can refetch the view. */
  onUpdate?: (incidentId: string) => void;
  /** How long a watch keeps polling after the last view request (the pane asks every few seconds while visible). */
  leaseMs?: number;
}

/** An incident whose alerts are recorded in the background. */
export interface WatchedIncident {
  id: string;
}

interface Watch {
  feeds: Map<string, PanelFeed>;
  alerts: AlertFeed;
  widthPx: number;
  leaseUntil: number;
  timer?: NodeJS.Timeout;
  polling?: Promise<void> | undefined;
  pollProblem?: string | undefined;
  /** Panels captured earlier that no feed serves any more (or never did, as in the bundled demo), read once per set of feeds. */
  capturedOnly?: { feeds: string; panels: Map<string, CapturedRange[]> };
}

/** How long the first view waits for the first fetch before answering with what it has (the poll carries on). */
const FIRST_VIEW_WAIT_MS = 1500;

const newPanelId = () => `adhoc-${randomBytes(4).toString('hex')}`;

export class MetricsService {
  readonly settings: MetricsSettings;
  readonly captures: CaptureStore;
  private readonly watches = new Map<string, Watch>();
  private readonly now: () => number;
  private closed = false;
  private alertWatch: { timer?: NodeJS.Timeout; pass?: Promise<void> } | undefined;

  constructor(private readonly options: MetricsServiceOptions) {
    this.options.store.foldTogether(metricsEventsProjection);
    this.settings = new MetricsSettings(options.dataDir, options.vault);
    this.captures = new CaptureStore(join(options.dataDir, 'incidents'));
    this.now = options.now ?? Date.now;
  }

  async isConfigured(): Promise<boolean> {
    return (await this.settings.current()).config.prometheus.length > 0;
  }

  prometheus(config: MetricsConfig, serverId: string | undefined): PrometheusApi | undefined {
    const server = serverFor(config, serverId);
    return server && new PrometheusApi(new EndpointClient(server, `Prometheus "${server.name}"`, this.options.fetch));
  }

  alertmanager(config: MetricsConfig): AlertmanagerApi | undefined {
    return config.alertmanager && new AlertmanagerApi(new EndpointClient(config.alertmanager, 'Alertmanager', this.options.fetch));
  }

  private rangeOptions(config: MetricsConfig): RangeOptions {
    return { leadInSeconds: config.leadInMinutes * 60, tailSeconds: config.tailMinutes * 60 };
  }

  /** The incident's metrics and alert events only (an incremental projection): enough for panels, silences and alerts. */
  private events(incidentId: string): readonly IncidentEvent[] {
    return this.options.store.projection(incidentId, metricsEventsProjection).events;
  }

  /** One poll of an incident: every panel that is due, and the alerts; never throws, failures stay on the feeds. */
  poll(incidentId: string, force = false): Promise<void> {
    const watch = this.watchOf(incidentId);
    watch.polling ??= this.pollOnce(incidentId, watch, force)
      .then(
        () => {
          watch.pollProblem = undefined;
        },
        // E.g. the incident log became unwritable while recording an alert: say so in the pane, keep polling.
        (e: unknown) => {
          watch.pollProblem = `Metrics refresh failed: ${e instanceof Error ? e.message : String(e)}`;
        },
      )
      .finally(() => {
        watch.polling = undefined;
        this.options.onUpdate?.(incidentId);
      });
    return watch.polling ?? Promise.resolve();
  }

  private watchOf(incidentId: string): Watch {
    let watch = this.watches.get(incidentId);
    if (!watch) this.watches.set(incidentId, (watch = { feeds: new Map(), alerts: new AlertFeed(), widthPx: 800, leaseUntil: 0 }));
    return watch;
  }

  private async pollOnce(incidentId: string, watch: Watch, force: boolean): Promise<void> {
    if (this.closed) return;
    await this.options.store.ensureOpen(incidentId);
    const state = this.options.incidents.state(incidentId);
    const { config } = await this.settings.current();
    const refreshMs = config.refreshSeconds * 1000;
    await this.syncFeeds(incidentId, watch, state, config);
    const range = incidentRange(state, this.now(), this.rangeOptions(config));
    const open = rangeIsOpen(state, this.now(), this.rangeOptions(config));
    const ctx = {
      now: this.now,
      refreshMs,
      api: (serverId: string) => (config.prometheus.some((s) => s.id === serverId) ? this.prometheus(config, serverId) : undefined),
      capture: (r: Parameters<CaptureStore['write']>[1]) => this.captures.write(incidentId, r),
    };
    const tasks: Promise<unknown>[] = [...watch.feeds.values()].map((f) => f.refresh(ctx, range, watch.widthPx, open, force));
    const am = this.alertmanager(config);
    if (am) tasks.push(watch.alerts.refresh(am, this.alertContext(incidentId, state, config), force));
    await Promise.all(tasks);
  }

  private alertContext(incidentId: string, state: IncidentState, config: MetricsConfig): AlertContext {
    return {
      now: this.now,
      refreshMs: config.refreshSeconds * 1000,
      services: state.services,
      serviceLabel: config.alertmanager!.serviceLabel,
      reconcile: state.status !== 'resolved',
      events: () => this.events(incidentId),
      append: (events: NewEvent[]) => this.options.store.append(incidentId, events),
    };
  }

  /**
   * Records every open incident's alerts in the background, whether or not a pane is looking: the metrics pane's lease only
   * keeps panels fresh, while an alert that fires while the commander is elsewhere must still reach the timeline.
   * Runs every refresh interval (`everyMs` overrides it); a failing Alertmanager backs off inside the feed.
   */
  watchAlerts(openIncidents: () => readonly WatchedIncident[], everyMs?: number): void {
    if (this.alertWatch || this.closed) return;
    const watch: NonNullable<MetricsService['alertWatch']> = {};
    this.alertWatch = watch;
    const next = (ms: number) => {
      if (this.closed) return;
      watch.timer = setTimeout(() => {
        watch.pass = this.alertPass(openIncidents).then((refreshMs) => next(everyMs ?? refreshMs));
      }, ms);
      watch.timer.unref?.();
    };
    next(0);
  }

  /** One background pass over the open incidents' alerts; answers the interval until the next. Never throws. */
  private async alertPass(openIncidents: () => readonly WatchedIncident[]): Promise<number> {
    const { config } = await this.settings.current().catch(() => ({ config: undefined }));
    if (!config) return 30_000;
    const am = this.alertmanager(config);
    for (const { id } of am && !this.closed ? openIncidents() : []) {
      const watch = this.watchOf(id);
      try {
        // Alerts already recorded are read from the log: open it if it is only listed from its summary.
        await this.options.store.ensureOpen(id);
        await watch.alerts.refresh(am!, this.alertContext(id, this.options.incidents.state(id), config));
        if (watch.pollProblem?.startsWith('Recording alerts failed')) watch.pollProblem = undefined;
      } catch (e) {
        // The log refused the alert (e.g. disk full): the pane says so; the next pass tries again.
        watch.pollProblem = `Recording alerts failed: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    return config.refreshSeconds * 1000;
  }

  /** Keeps one feed per panel the incident should show now (catalogue may change; ad-hoc panels come and go). New feeds start from their captures. */
  private async syncFeeds(incidentId: string, watch: Watch, state: IncidentState, config: MetricsConfig): Promise<void> {
    const panels = panelsForIncident(config, state.services, adhocPanelsFromEvents(this.events(incidentId)));
    const keep = new Set(panels.map((p) => p.key));
    for (const key of watch.feeds.keys()) if (!keep.has(key)) watch.feeds.delete(key);
    const added: PanelFeed[] = [];
    for (const p of panels) {
      const feed = watch.feeds.get(p.key);
      if (feed) feed.panel = p;
      else {
        const created = new PanelFeed(p);
        watch.feeds.set(p.key, created);
        added.push(created);
      }
    }
    if (added.length > 0) {
      const { panels: captured } = await this.captures.read(incidentId);
      for (const feed of added) feed.seed(replayPanel(captured.get(feed.panel.key) ?? []));
    }
  }

  private schedule(incidentId: string, watch: Watch, refreshMs: number): void {
    if (watch.timer || this.closed) return;
    watch.timer = setTimeout(() => {
      watch.timer = undefined;
      if (this.closed || this.now() > watch.leaseUntil) return;
      void this.poll(incidentId).finally(() => this.schedule(incidentId, watch, refreshMs));
    }, refreshMs);
    watch.timer.unref?.();
  }

  /** The live view; asking for it keeps the incident's poller running for a while (the pane asks every few seconds). */
  async view(input: ParsedInputOf<'metrics.view'>): Promise<MetricsView> {
    const state = this.options.incidents.state(input.incidentId);
    const { config, problem } = await this.settings.current();
    const refreshMs = config.refreshSeconds * 1000;
    const watch = this.watchOf(input.incidentId);
    const resized = watch.widthPx !== input.widthPx;
    watch.widthPx = input.widthPx;
    watch.leaseUntil = this.now() + (this.options.leaseMs ?? Math.max(30_000, 6 * refreshMs));
    await this.syncFeeds(input.incidentId, watch, state, config);
    const neverFetched = [...watch.feeds.values()].some((f) => f.lastSuccessAt === undefined && f.lastFailureAt === undefined);
    if (neverFetched || resized) {
      // Captured data shows at once; a slow or dead server must not hold the pane hostage for its whole timeout.
      await Promise.race([this.poll(input.incidentId, true), new Promise((r) => setTimeout(r, FIRST_VIEW_WAIT_MS).unref?.())]);
    }
    this.schedule(input.incidentId, watch, refreshMs);

    const now = this.now();
    const events = this.events(input.incidentId);
    const range = incidentRange(state, now, this.rangeOptions(config));
    const panels: PanelView[] = [...watch.feeds.values()].map((f) => {
      const hasData = f.series.length > 0;
      const freshness = freshnessOf({ lastSuccessAt: f.lastSuccessAt, lastFailureAt: f.lastFailureAt, lastError: f.lastError?.message, hasData }, now, refreshMs, true);
      if (!freshness.capturedAt && f.capturedAt) freshness.capturedAt = f.capturedAt;
      const { origin, ...panel } = f.panel;
      return {
        ...panel,
        origin,
        ...seriesForWire(f.series, input.widthPx),
        freshness,
        ...(f.lastError ? { error: f.lastError } : {}),
        warnings: f.captureError ? [...f.warnings, f.captureError] : f.warnings,
        ...(f.range ? { range: f.range } : {}),
      };
    });
    panels.push(...(await this.capturedOnlyPanels(input.incidentId, watch, input.widthPx, config, state)));
    const am = watch.alerts;
    return {
      incidentId: input.incidentId,
      configured: config.prometheus.length > 0,
      live: true,
      refreshSeconds: config.refreshSeconds,
      range,
      panels,
      alerts: {
        configured: !!config.alertmanager,
        alerts: am.alerts,
        silences: silenceViews(events, am.lastSuccessAt !== undefined ? am.silences : undefined, am.alerts),
        freshness: config.alertmanager
          ? freshnessOf({ lastSuccessAt: am.lastSuccessAt, lastFailureAt: am.lastFailureAt, lastError: am.lastError?.message, hasData: am.lastSuccessAt !== undefined }, now, refreshMs, true)
          : { state: 'empty' },
        ...(am.lastError ? { error: am.lastError } : {}),
      },
      markers: this.options.store.projection(input.incidentId, markerProjection).inRange(range.start * 1000, range.end * 1000, this.markerText(input.incidentId)),
      problems: [...(problem ? [problem] : []), ...(watch.pollProblem ? [watch.pollProblem] : [])],
    };
  }

  /**
   * What was captured for panels nothing fetches live, shown as captured data instead of hidden: a recorded incident opened
   * without Prometheus (the bundled demo, an imported bundle), or a closed incident whose panels have since left the
   * catalogue. A live incident with Prometheus shows only its live panels, and an ad-hoc panel removed on the timeline stays
   * removed. Nothing feeds these panels, so they are read again only when the set of live panels changes.
   */
  private async capturedOnlyPanels(incidentId: string, watch: Watch, widthPx: number, config: MetricsConfig, state: IncidentState): Promise<PanelView[]> {
    if (config.prometheus.length > 0 && rangeIsOpen(state, this.now(), this.rangeOptions(config))) return [];
    const feeds = [...watch.feeds.keys()].sort().join(',');
    if (watch.capturedOnly?.feeds !== feeds) {
      const { panels } = await this.captures.read(incidentId, (key) => !watch.feeds.has(key));
      watch.capturedOnly = { feeds, panels };
    }
    const removed = new Set<string>();
    for (const e of this.events(incidentId)) {
      if (e.type === 'metrics.panel_added') removed.delete(`${e.payload.title}\u0000${e.payload.promql}`);
      else if (e.type === 'metrics.panel_removed') {
        const added = this.events(incidentId).findLast((a) => a.type === 'metrics.panel_added' && a.payload.panelId === e.payload.panelId);
        if (added?.type === 'metrics.panel_added') removed.add(`${added.payload.title}\u0000${added.payload.promql}`);
      }
    }
    const kept = new Map([...watch.capturedOnly.panels].filter(([, ranges]) => !removed.has(`${ranges.at(-1)?.panel.title}\u0000${ranges.at(-1)?.panel.promql}`)));
    return capturedPanelViews(kept, Infinity, widthPx);
  }

  /** What a chart marker says, from its event read back by seq (the marker projection keeps no text). */
  private markerText(incidentId: string): (seq: number) => { actor: string; text: string } {
    const log = this.options.store.get(incidentId).log;
    return (seq) => {
      const e = log?.eventAt(seq);
      return e ? describeMarker(e) : { actor: '', text: `Event #${seq} could not be read back from the log.` };
    };
  }

  /** Playback and offline review: only what was captured on disk and what the log says, up to the cursor. */
  async captured(input: ParsedInputOf<'metrics.captured'>): Promise<MetricsView> {
    const state = this.options.incidents.state(input.incidentId);
    const { config } = await this.settings.current();
    const { panels, problems } = await this.captures.read(input.incidentId);
    // From incremental projections: playback asks at every cursor move, and the whole log is a full read past its hot tail.
    const { events, reachedMs } = this.options.store.projection(input.incidentId, metricsEventsProjection);
    return capturedMetricsViewOf({
      incidentId: input.incidentId,
      state,
      facts: { events, reachedMs, markers: this.options.store.projection(input.incidentId, markerProjection), describeMarker: this.markerText(input.incidentId) },
      captured: panels,
      captureProblems: problems.map((p) => `Captured file ${p.file} was skipped: ${p.message}`),
      untilMs: input.untilMs,
      widthPx: input.widthPx,
      now: this.now(),
      config: { configured: config.prometheus.length > 0, alertmanagerConfigured: !!config.alertmanager, refreshSeconds: config.refreshSeconds, range: this.rangeOptions(config) },
    });
  }

  async addPanel(input: ParsedInputOf<'metrics.addPanel'>): Promise<{ panelId: string; key: string }> {
    this.options.incidents.state(input.incidentId);
    const { config } = await this.settings.current();
    const api = this.prometheus(config, input.serverId);
    if (input.serverId && !api) throw new DomainError('validation', `No Prometheus server "${input.serverId}" is configured.`);
    if (api) {
      // Ask Prometheus first: a typo gets its own parse error now, not a broken panel on the timeline.
      try {
        await api.instantQuery(input.promql);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'validation') throw e;
      }
    }
    const panelId = newPanelId();
    const payload = { panelId, title: input.title, promql: input.promql, unit: input.unit, ...(input.serverId ? { serverId: input.serverId } : {}) };
    await this.options.store.append(input.incidentId, [{ type: 'metrics.panel_added', actor: this.options.operator(), payload }]);
    const panels = panelsForIncident(config, [], adhocPanelsFromEvents(this.events(input.incidentId)));
    const key = panels.find((p) => p.origin.kind === 'adhoc' && p.origin.panelId === panelId)?.key ?? '';
    if (this.watches.has(input.incidentId)) void this.poll(input.incidentId);
    return { panelId, key };
  }

  async removePanel(input: ParsedInputOf<'metrics.removePanel'>): Promise<Record<string, never>> {
    const panel = adhocPanelsFromEvents(this.events(input.incidentId)).find((p) => p.panelId === input.panelId);
    if (!panel) throw new DomainError('not_found', `The incident has no ad-hoc panel ${input.panelId} (catalogue panels are changed in Settings).`);
    await this.options.store.append(input.incidentId, [{ type: 'metrics.panel_removed', actor: this.options.operator(), payload: { panelId: panel.panelId, title: panel.title } }]);
    return {};
  }

  private async requireAlertmanager(): Promise<AlertmanagerApi> {
    const am = this.alertmanager((await this.settings.current()).config);
    if (!am) throw new DomainError('validation', 'No Alertmanager is configured; add one in Settings → Metrics.');
    return am;
  }

  async createSilence(input: ParsedInputOf<'metrics.silence.create'>): Promise<SilenceView> {
    this.options.incidents.state(input.incidentId);
    const am = await this.requireAlertmanager();
    const startsAt = new Date(this.now()).toISOString();
    const endsAt = new Date(this.now() + input.durationMinutes * 60_000).toISOString();
    const createdBy = this.options.operator();
    const silenceId = await am.createSilence({ matchers: input.matchers, startsAt, endsAt, createdBy, comment: input.comment });
    const payload = { silenceId, matchers: input.matchers, startsAt, endsAt, comment: input.comment, ...(input.alertname ? { alertname: input.alertname } : {}), ...(input.fingerprint ? { fingerprint: input.fingerprint } : {}) };
    await this.options.store.append(input.incidentId, [{ type: 'metrics.silence_created', actor: createdBy, payload }]);
    if (this.watches.has(input.incidentId)) void this.poll(input.incidentId, true);
    return { silenceId, matchers: input.matchers, startsAt, endsAt, comment: input.comment, createdBy, state: 'active' };
  }

  async expireSilence(input: ParsedInputOf<'metrics.silence.expire'>): Promise<Record<string, never>> {
    this.options.incidents.state(input.incidentId);
    const am = await this.requireAlertmanager();
    await am.expireSilence(input.silenceId);
    await this.options.store.append(input.incidentId, [
      { type: 'metrics.silence_expired', actor: this.options.operator(), payload: { silenceId: input.silenceId, ...(input.comment ? { comment: input.comment } : {}) } },
    ]);
    if (this.watches.has(input.incidentId)) void this.poll(input.incidentId, true);
    return {};
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.watches.values()) if (w.timer) clearTimeout(w.timer);
    if (this.alertWatch?.timer) clearTimeout(this.alertWatch.timer);
    await Promise.all([...this.watches.values()].map((w) => w.polling));
    await this.alertWatch?.pass;
  }
}
