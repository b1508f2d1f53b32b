// Which panels an incident shows: the catalogue panels of its services plus the ad-hoc panels added on its timeline.
import type { IncidentEvent } from '../events';
import { panelKey, type CapturedPanel } from './capture-segment';
import { serverFor, type MetricsConfig, type Threshold } from './metrics-config';

export interface IncidentPanel extends CapturedPanel {
  /** Where the panel comes from: a service's catalogue, or added during the incident. */
  origin: { kind: 'catalogue'; service: string; panelId: string } | { kind: 'adhoc'; panelId: string; seq: number };
  thresholds: Threshold[];
}

export interface AdhocPanel {
  panelId: string;
  title: string;
  promql: string;
  unit: string;
  serverId?: string | undefined;
  seq: number;
}

/** Ad-hoc panels still present after the log's adds and removes, in the order they were added. */
export function adhocPanelsFromEvents(events: readonly IncidentEvent[]): AdhocPanel[] {
  const panels = new Map<string, AdhocPanel>();
  for (const e of events) {
    if (e.type === 'metrics.panel_added') {
      panels.set(e.payload.panelId, { panelId: e.payload.panelId, title: e.payload.title, promql: e.payload.promql, unit: e.payload.unit, serverId: e.payload.serverId, seq: e.seq });
    } else if (e.type === 'metrics.panel_removed') panels.delete(e.payload.panelId);
  }
  return [...panels.values()];
}

/** Panels for the incident's services (deduplicated by query) followed by its ad-hoc panels; panels with no server are left out. */
export function panelsForIncident(config: MetricsConfig, services: readonly string[], adhoc: readonly AdhocPanel[]): IncidentPanel[] {
  const out: IncidentPanel[] = [];
  const seen = new Set<string>();
  for (const service of services) {
    for (const p of config.services[service] ?? []) {
      const server = serverFor(config, p.serverId);
      if (!server) continue;
      const key = panelKey(server.id, p.promql);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ key, title: p.title, promql: p.promql, unit: p.unit, serverId: server.id, thresholds: p.thresholds, origin: { kind: 'catalogue', service, panelId: p.id } });
    }
  }
  for (const p of adhoc) {
    const server = serverFor(config, p.serverId);
    const serverId = server?.id ?? p.serverId ?? 'none';
    const key = panelKey(serverId, p.promql);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, title: p.title, promql: p.promql, unit: p.unit, serverId, thresholds: [], origin: { kind: 'adhoc', panelId: p.panelId, seq: p.seq } });
  }
  return out;
}
