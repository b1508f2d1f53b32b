// Header chip with the alert state (firing count, or why there is none), read from the metrics view the metrics pane
// already polls, so the header adds no second poller.
import { useQueryClient, type Query } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { MetricsView } from '../../../shared/ipc';
import { metricsKeys } from '../panes/metrics/metrics-queries';

function latestLiveView(queries: readonly Query[]): MetricsView | undefined {
  let best: { at: number; view: MetricsView } | undefined;
  for (const q of queries) {
    const key = q.queryKey as readonly unknown[];
    const view = q.state.data as MetricsView | undefined;
    if (key[2] !== 'view' || key[4] !== 'live' || !view) continue;
    if (!best || q.state.dataUpdatedAt > best.at) best = { at: q.state.dataUpdatedAt, view };
  }
  return best?.view;
}

export function AlertStateChip({ incidentId }: { incidentId: string }) {
  const cache = useQueryClient().getQueryCache();
  const alerts = useSyncExternalStore(
    (notify) => cache.subscribe(notify),
    () => latestLiveView(cache.findAll({ queryKey: metricsKeys.all(incidentId) }))?.alerts,
  );
  if (!alerts) return null;
  const firing = alerts.alerts.length;
  const silenced = alerts.alerts.filter((a) => a.state === 'suppressed').length;
  if (!alerts.configured && alerts.alerts.length === 0) {
    return (
      <span className="fact alert-chip" data-testid="alert-state" data-state="unconfigured" title="Connect Alertmanager in Metrics settings to see firing alerts here">
        Alerts <strong>not connected</strong>
      </span>
    );
  }
  return (
    <span className={firing > 0 ? 'fact alert-chip firing' : 'fact alert-chip'} data-testid="alert-state" data-state={firing > 0 ? 'firing' : 'quiet'}>
      Alerts <strong>{firing > 0 ? `${firing} firing${silenced > 0 ? ` (${silenced} silenced)` : ''}` : 'none firing'}</strong>
    </span>
  );
}
