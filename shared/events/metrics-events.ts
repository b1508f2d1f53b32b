// Events of the metrics pane: ad-hoc panels added or removed, and Alertmanager silences created or expired from the cockpit.
import { z } from 'zod';
import { eventOf } from './envelope';

export const SilenceMatcher = z.object({
  name: z.string().trim().min(1, 'A matcher needs a label name'),
  value: z.string(),
  isRegex: z.boolean().default(false),
  isEqual: z.boolean().default(true),
});
export type SilenceMatcher = z.infer<typeof SilenceMatcher>;

export const MetricsPanelAdded = eventOf(
  'metrics.panel_added',
  z.object({
    panelId: z.string().min(1).max(80),
    title: z.string().trim().min(1).max(120),
    promql: z.string().trim().min(1).max(10_000),
    unit: z.string().max(20).default(''),
    serverId: z.string().optional(),
  }),
);

export const MetricsPanelRemoved = eventOf('metrics.panel_removed', z.object({ panelId: z.string().min(1).max(80), title: z.string() }));

export const MetricsSilenceCreated = eventOf(
  'metrics.silence_created',
  z.object({
    silenceId: z.string().min(1),
    matchers: z.array(SilenceMatcher).min(1),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    comment: z.string(),
    /** The alert the silence was created from, when it was. */
    alertname: z.string().optional(),
    fingerprint: z.string().optional(),
  }),
);

export const MetricsSilenceExpired = eventOf(
  'metrics.silence_expired',
  z.object({ silenceId: z.string().min(1), comment: z.string().optional() }),
);

export const metricsEventSchemas = [MetricsPanelAdded, MetricsPanelRemoved, MetricsSilenceCreated, MetricsSilenceExpired] as const;
