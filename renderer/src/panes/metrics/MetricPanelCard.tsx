// A panel card: title with the latest value and its trend, freshness badge, the chart (or why there is none), the panel's
// error underneath.
import { useMemo } from 'react';
import type { MetricsView, PanelView } from '../../../../shared/ipc';
import { buildChartData } from '../../../../shared/metrics/chart-data';
import { fitChartRange, panelTrend, type PanelTrend } from '../../../../shared/metrics/chart-fit';
import { formatValue } from '../../../../shared/metrics/format-value';
import { decodeSeries } from '../../../../shared/metrics/series';
import { FreshnessBadge } from './FreshnessBadge';
import { MetricChart } from './MetricChart';
import { useAfterPaint } from './use-after-paint';

const arrows = { up: '↑', down: '↓', flat: '→' } as const;

function TrendText({ trend, unit }: { trend: PanelTrend; unit: string }) {
  const change = trend.change === undefined ? '' : ` ${arrows[trend.direction ?? 'flat']} ${trend.change >= 0 ? '+' : '−'}${formatValue(Math.abs(trend.change), unit)} in 5 min`;
  return (
    <span className={`panel-trend trend-${trend.direction ?? 'none'}`} data-testid="panel-trend" title={`Latest value of ${trend.legend}`}>
      {formatValue(trend.latest, unit)}
      {change}
    </span>
  );
}

export function MetricPanelCard({
  panel,
  view,
  width,
  declaredAt,
  onRemove,
}: {
  panel: PanelView;
  view: MetricsView;
  width: number;
  declaredAt: number;
  onRemove?: (() => void) | undefined;
}) {
  const data = useMemo(() => buildChartData(panel.series.map(decodeSeries), width), [panel.series, width]);
  const domain = useMemo(() => fitChartRange({ start: view.range.start * 1000, end: view.range.end * 1000 }, declaredAt, data.rows), [view.range, declaredAt, data.rows]);
  const trend = useMemo(() => panelTrend(data.rows, data.lines), [data]);
  const hasData = panel.series.length > 0;
  const painted = useAfterPaint();
  return (
    <article className="metric-panel" data-panel-key={panel.key} aria-label={panel.title}>
      <header className="metric-panel-header">
        <h3 title={panel.promql}>{panel.title}</h3>
        {trend ? <TrendText trend={trend} unit={panel.unit} /> : null}
        <FreshnessBadge freshness={panel.freshness} />
        {onRemove ? (
          <button type="button" className="link-button" onClick={onRemove} aria-label={`Remove panel ${panel.title}`}>
            Remove
          </button>
        ) : null}
      </header>
      {hasData && painted ? (
        <MetricChart panel={panel} data={data} markers={view.markers} domain={domain} width={width} />
      ) : hasData ? (
        <div className="metric-chart metric-chart-pending" aria-busy="true" />
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
