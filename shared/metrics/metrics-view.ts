// Builds what the pane receives: panels downsampled for the chart width, alert and silence lists, and the playback view from disk.
import type { IncidentEvent } from '../events';
import type { SilenceMatcher } from '../events/metrics-events';
import type { PanelView, SilenceView } from '../ipc/metrics';
import { firingFromEvents, type ActiveAlert } from './alert-reconcile';
import { MAX_LINES } from './chart-data';
import { lttb } from './lttb';
import { encodeSeries, type MetricSeries } from './series';

/** The fields of an Alertmanager silence (GET /api/v2/silences) that the views use. */
export interface Silence {
  id: string;
  status: { state: 'active' | 'pending' | 'expired' };
  matchers: { name: string; value: string; isRegex: boolean; isEqual: boolean }[];
  startsAt: string;
  endsAt: string;
  comment: string;
  createdBy: string;
  updatedAt?: string;
}

/** Series as they travel to the pane: at most MAX_LINES, each LTTB-downsampled to twice the width (the chart halves it again). */
export function seriesForWire(series: readonly MetricSeries[], widthPx: number): { series: PanelView['series']; totalSeries: number } {
  const threshold = Math.max(100, 2 * widthPx);
  return {
    series: series.slice(0, MAX_LINES).map((s) => {
      const d = lttb(s, threshold);
      return encodeSeries({ labels: s.labels, t: d.t, v: d.v });
    }),
    totalSeries: series.length,
  };
}

interface SilenceRecord {
  silenceId: string;
  matchers: SilenceMatcher[];
  startsAt: string;
  endsAt: string;
  comment: string;
  createdBy: string;
  expired: boolean;
}

/** Silences created from this incident (from its log), plus any silence Alertmanager says mutes one of its alerts. */
export function silenceViews(events: readonly IncidentEvent[], fromAlertmanager: readonly Silence[] | undefined, alerts: readonly ActiveAlert[], untilMs = Infinity): SilenceView[] {
  const recorded = new Map<string, SilenceRecord>();
  for (const e of events) {
    if (Date.parse(e.ts) > untilMs) break;
    if (e.type === 'metrics.silence_created') {
      const p = e.payload;
      recorded.set(p.silenceId, { silenceId: p.silenceId, matchers: p.matchers, startsAt: p.startsAt, endsAt: p.endsAt, comment: p.comment, createdBy: e.actor, expired: false });
    } else if (e.type === 'metrics.silence_expired') {
      const r = recorded.get(e.payload.silenceId);
      if (r) r.expired = true;
    }
  }
  const live = new Map((fromAlertmanager ?? []).map((s) => [s.id, s]));
  const muting = new Set(alerts.flatMap((a) => a.silencedBy));
  const views: SilenceView[] = [];
  for (const r of recorded.values()) {
    const s = live.get(r.silenceId);
    const state = s ? s.status.state : r.expired || Date.parse(r.endsAt) <= untilMs ? 'expired' : fromAlertmanager ? 'unknown' : 'active';
    views.push({ silenceId: r.silenceId, matchers: r.matchers, startsAt: r.startsAt, endsAt: s?.endsAt ?? r.endsAt, comment: r.comment, createdBy: r.createdBy, state });
  }
  for (const id of muting) {
    const s = live.get(id);
    if (!s || recorded.has(id)) continue;
    views.push({
      silenceId: s.id,
      matchers: s.matchers.map((m) => ({ name: m.name, value: m.value, isRegex: m.isRegex, isEqual: m.isEqual })),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      comment: s.comment,
      createdBy: s.createdBy,
      state: s.status.state,
    });
  }
  return views;
}

/** In playback there is no Alertmanager: the alerts firing at the cursor are the ones the timeline says were firing. */
export function alertsFromTimeline(events: readonly IncidentEvent[], untilMs: number): ActiveAlert[] {
  const upTo = events.filter((e) => Date.parse(e.ts) <= untilMs);
  const firing = firingFromEvents(upTo);
  const alerts: ActiveAlert[] = [];
  for (const e of upTo) {
    if (e.type !== 'alert.fired' || !e.payload.fingerprint || firing.get(e.payload.fingerprint)?.seq !== e.seq) continue;
    alerts.push({
      fingerprint: e.payload.fingerprint,
      alertname: e.payload.alertname,
      labels: e.payload.labels,
      annotations: { summary: e.payload.summary },
      startsAt: e.ts,
      endsAt: e.ts,
      state: 'active',
      silencedBy: [],
      inhibitedBy: [],
    });
  }
  return alerts;
}
