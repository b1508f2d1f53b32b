// Canary against baseline for one analysis query: both tracks' sampled series over the bake time, drawn with recharts.
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalysisSeries } from '../../../../../shared/events/hotfix-rollout-events';
import { formatClock, formatValue } from '../../../../../shared/metrics/format-value';
import { useTimeZoneStore } from '../../../time/time-zone-store';
import { useElementWidth } from '../../metrics/use-element-width';

// At least 3:1 against both themes' panel backgrounds (the legend's words use the text colour).
const CANARY = '#ea580c';
const BASELINE = '#2563eb';

/** One row per timestamp with both tracks (either may be missing at a point). */
export function chartRows(series: AnalysisSeries): { t: number; canary?: number; baseline?: number }[] {
  const rows = new Map<number, { t: number; canary?: number; baseline?: number }>();
  for (const [t, v] of series.canary) rows.set(t, { ...rows.get(t), t, canary: v });
  for (const [t, v] of series.baseline) rows.set(t, { ...rows.get(t), t, baseline: v });
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

export function CanaryChart({ series }: { series: AnalysisSeries }) {
  const zone = useTimeZoneStore((s) => s.zone);
  const { ref, width } = useElementWidth<HTMLDivElement>(20, 360);
  const rows = chartRows(series);
  return (
    <figure className="canary-chart" ref={ref} aria-label={`${series.label}: canary and baseline`} data-points={rows.length}>
      <figcaption>{series.label}: canary and baseline</figcaption>
      {rows.length === 0 ? (
        <p className="pane-meta">No samples were returned for this query.</p>
      ) : (
        <LineChart width={Math.max(200, width)} height={150} data={rows} margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(t: number) => formatClock(t, true, zone)} tick={{ fontSize: 12, fill: 'var(--muted)' }} stroke="var(--border)" />
          <YAxis width={56} tickFormatter={(v: number) => formatValue(v, series.unit)} tick={{ fontSize: 12, fill: 'var(--muted)' }} stroke="var(--border)" />
          <Tooltip
            labelFormatter={(t) => (typeof t === 'number' ? formatClock(t, true, zone) : '')}
            formatter={(v) => formatValue(typeof v === 'number' ? v : null, series.unit)}
            contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)', fontSize: 12 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value: string) => <span style={{ color: 'var(--text)' }}>{value}</span>} />
          <Line type="linear" dataKey="canary" name="Canary" stroke={CANARY} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
          <Line type="linear" dataKey="baseline" name="Baseline" stroke={BASELINE} dot={false} isAnimationActive={false} strokeDasharray="5 3" connectNulls />
        </LineChart>
      )}
    </figure>
  );
}
