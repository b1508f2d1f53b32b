// A panel card: title, freshness badge, the chart (or why there is none), and the panel's error underneath.
import type { MetricsView, PanelView } from '../../../../shared/ipc';
import { FreshnessBadge } from './FreshnessBadge';
import { MetricChart } from './MetricChart';

export function MetricPanelCard({
  panel,
  view,
  width,
  onRemove,
}: {
  panel: PanelView;
  view: MetricsView;
  width: number;
  onRemove?: (() => void) | undefined;
}) {
  const hasData = panel.series.length > 0;
  return (
    <article className="metric-panel" data-panel-key={panel.key} aria-label={panel.title}>
      <header className="metric-panel-header">
        <h3 title={panel.promql}>{panel.title}</h3>
        <FreshnessBadge freshness={panel.freshness} />
        {onRemove ? (
          <button type="button" className="link-button" onClick={onRemove} aria-label={`Remove panel ${panel.title}`}>
            Remove
          </button>
        ) : null}
      </header>
      {hasData ? (
        <MetricChart panel={panel} markers={view.markers} range={view.range} width={width} />
      ) : (
        <p className="panel-empty">{panel.error ? 'No data to show.' : panel.freshness.state === 'empty' ? 'No samples in this range yet.' : 'Loading…'}</p>
      )}
      <code className="panel-query">{panel.promql}</code>
      {panel.error ? (
        <p className="panel-error" role="alert" data-failure={panel.error.kind}>
          {panel.error.message}
        </p>
      ) : null}
      {panel.warnings.map((w) => (
        <p key={w} className="panel-warning">
          {w}
        </p>
      ))}
    </article>
  );
}
