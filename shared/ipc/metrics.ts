// IPC contract for live metrics: settings and test connection, the incident's panels and alerts, ad-hoc panels, silences, playback.
import { z } from 'zod';
import { SilenceMatcher } from '../events/metrics-events';
import { ActiveAlert } from '../metrics/alert-reconcile';
import { Endpoint, MetricsConfig, Threshold } from '../metrics/metrics-config';
import { EncodedSeries } from '../metrics/series';
import { request } from './define';
import { IncidentId } from './incidents';

const Freshness = z.object({
  state: z.enum(['live', 'stale', 'captured', 'empty']),
  capturedAt: z.string().optional(),
  reason: z.string().optional(),
});

const FailureView = z.object({ message: z.string(), kind: z.string().optional(), status: z.number().optional() });

export const PanelView = z.object({
  key: z.string(),
  title: z.string(),
  promql: z.string(),
  unit: z.string(),
  serverId: z.string(),
  thresholds: z.array(Threshold),
  origin: z.union([
    z.object({ kind: z.literal('catalogue'), service: z.string(), panelId: z.string() }),
    z.object({ kind: z.literal('adhoc'), panelId: z.string(), seq: z.number() }),
    z.object({ kind: z.literal('captured') }),
  ]),
  /** Downsampled for the requested width; at most a dozen series travel, `totalSeries` says how many exist. */
  series: z.array(EncodedSeries),
  totalSeries: z.number(),
  freshness: Freshness,
  /** The last failure, e.g. Prometheus's own error for invalid PromQL; shown under the panel. */
  error: FailureView.optional(),
  warnings: z.array(z.string()),
  range: z.object({ start: z.number(), end: z.number(), step: z.number() }).optional(),
});
export type PanelView = z.infer<typeof PanelView>;

export const MarkerView = z.object({ seq: z.number(), at: z.number(), kind: z.enum(['deploy', 'rollback', 'status', 'note']), actor: z.string(), text: z.string() });

export const SilenceView = z.object({
  silenceId: z.string(),
  matchers: z.array(SilenceMatcher),
  startsAt: z.string(),
  endsAt: z.string(),
  comment: z.string(),
  createdBy: z.string(),
  /** From Alertmanager when it answered; otherwise what the timeline says. */
  state: z.enum(['active', 'pending', 'expired', 'unknown']),
});
export type SilenceView = z.infer<typeof SilenceView>;

export const AlertsView = z.object({
  configured: z.boolean(),
  alerts: z.array(ActiveAlert),
  silences: z.array(SilenceView),
  freshness: Freshness,
  error: FailureView.optional(),
});

export const MetricsView = z.object({
  incidentId: IncidentId,
  /** Whether a Prometheus server is configured; without one the pane shows only what was captured. */
  configured: z.boolean(),
  live: z.boolean(),
  refreshSeconds: z.number(),
  range: z.object({ start: z.number(), end: z.number() }),
  panels: z.array(PanelView),
  alerts: AlertsView,
  markers: z.array(MarkerView),
  /** Problems with settings or captured files, shown once above the panels. */
  problems: z.array(z.string()),
});
export type MetricsView = z.infer<typeof MetricsView>;

export const SettingsView = z.object({
  config: MetricsConfig,
  secretsStored: z.record(z.string(), z.boolean()),
  file: z.string(),
  /** Where passwords and tokens are kept: the secret vault's protection, or the settings file itself. */
  secretsProtection: z.string(),
  problem: z.string().optional(),
});
export type SettingsView = z.infer<typeof SettingsView>;

export const ConnectionTestResult = z.object({
  ok: z.boolean(),
  /** dns | refused | reset | tls | timeout | unauthorized | forbidden | wrong_server | malformed | http | network … */
  failure: z.string().optional(),
  version: z.string().optional(),
  message: z.string(),
});
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

const Width = z.number().int().min(50).max(8000).default(800);
const Confirmed = z.literal(true, { error: 'Confirm this action first' });

export const metricsContract = {
  'metrics.settings.get': request('The metrics settings (secrets left out) and any problem with the file', z.object({}), SettingsView),
  'metrics.settings.save': request('Validate and save the metrics settings', MetricsConfig, SettingsView),
  'metrics.testConnection': request(
    'Check that an endpoint is a reachable Prometheus or Alertmanager, naming the exact failure',
    z.object({ kind: z.enum(['prometheus', 'alertmanager']), endpoint: Endpoint, serverId: z.string().optional() }),
    ConnectionTestResult,
  ),
  'metrics.view': request(
    "The incident's panels, alerts and markers; keeps the incident's poller running while someone looks",
    z.object({ incidentId: IncidentId, widthPx: Width }),
    MetricsView,
  ),
  'metrics.captured': request(
    'What was captured for the incident, from disk only (offline and playback), up to a cursor',
    z.object({ incidentId: IncidentId, widthPx: Width, untilMs: z.number().optional() }),
    MetricsView,
  ),
  'metrics.addPanel': request(
    'Add an ad-hoc PromQL panel to the incident (Prometheus checks the query first when it is reachable)',
    z.object({
      incidentId: IncidentId,
      title: z.string().trim().min(1, 'A panel needs a title').max(120),
      promql: z.string().trim().min(1, 'Type a PromQL expression').max(10_000),
      unit: z.string().trim().max(20).default(''),
      serverId: z.string().optional(),
    }),
    z.object({ panelId: z.string(), key: z.string() }),
  ),
  'metrics.removePanel': request('Remove an ad-hoc panel from the incident', z.object({ incidentId: IncidentId, panelId: z.string().min(1) }), z.object({})),
  'metrics.silence.create': request(
    'Create an Alertmanager silence (after confirmation); recorded on the timeline',
    z.object({
      incidentId: IncidentId,
      matchers: z.array(SilenceMatcher).min(1, 'A silence needs at least one matcher'),
      durationMinutes: z.number().int().min(1).max(7 * 24 * 60),
      comment: z.string().trim().min(1, 'Say why the alert is silenced').max(1000),
      alertname: z.string().optional(),
      fingerprint: z.string().optional(),
      confirmed: Confirmed,
    }),
    SilenceView,
  ),
  'metrics.silence.expire': request(
    'Expire a silence (after confirmation); recorded on the timeline',
    z.object({ incidentId: IncidentId, silenceId: z.string().min(1), comment: z.string().max(1000).optional(), confirmed: Confirmed }),
    z.object({}),
  ),
};
