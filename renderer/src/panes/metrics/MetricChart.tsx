// One panel's chart: lines downsampled to the width, threshold/SLO lines, and the incident's events as markers with tooltips.
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricsView, PanelView } from '../../../../shared/ipc';
import { buildChartData } from '../../../../shared/metrics/chart-data';
import { markersNear, type EventMarker } from '../../../../shared/metrics/event-markers';
import { formatClock, formatValue } from '../../../../shared/metrics/format-value';
import { decodeSeries } from '../../../../shared/metrics/series';

const LINE_COLORS = ['#4e9af1', '#f59e0b', '#10b981', '#ef4444', '#a78bfa', '#14b8a6', '#f472b6', '#84cc16', '#fb923c', '#60a5fa', '#e879f9', '#facc15'];
const MARKER_COLORS: Record<EventMarker['kind'], string> = { deploy: '#38bdf8', rollback: '#f97316', status: '#a3a3a3', note: '#c084fc' };
const THRESHOLD_COLORS = { warning: '#f59e0b', critical: '#ef4444', slo: '#22c55e' } as const;

interface TooltipBody {
  active?: boolean;
  label?: unknown;
  payload?: readonly { dataKey?: unknown; value?: unknown; color?: string; name?: unknown }[];
}

function ChartTooltip({ body, unit, markers, toleranceMs }: { body: TooltipBody; unit: string; markers: readonly EventMarker[]; toleranceMs: number }) {
  if (!body.active || typeof body.label !== 'number') return null;
  const near = markersNear(markers, body.label, toleranceMs).slice(0, 3);
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-time">{formatClock(body.label, true)}</div>
      {(body.payload ?? []).map((p) => (
        <div key={String(p.dataKey)} className="chart-tooltip-row">
          <span className="chart-swatch" style={{ background: p.color }} />
          <span className="chart-tooltip-name">{String(p.name)}</span>
          <span className="chart-tooltip-value">{formatValue(typeof p.value === 'number' ? p.value : null, unit)}</span>
        </div>
      ))}
      {near.map((m) => (
        <div key={m.seq} className={`chart-tooltip-marker marker-${m.kind}`}>
          {formatClock(m.at)} · {m.text}
        </div>
      ))}
    </div>
  );
}

export function MetricChart({ panel, markers, range, width }: { panel: PanelView; markers: MetricsView['markers']; range: MetricsView['range']; width: number }) {
  const data = useMemo(() => buildChartData(panel.series.map(decodeSeries), width), [panel.series, width]);
  const domain: [number, number] = [range.start * 1000, range.end * 1000];
  const toleranceMs = ((domain[1] - domain[0]) / Math.max(1, width)) * 8;
  return (
    <div className="metric-chart" data-points={data.pointsOut}>
      <LineChart width={width} height={180} data={data.rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#2a2f3a" strokeDasharray="3 3" />
        <XAxis dataKey="t" type="number" scale="time" domain={domain} tickFormatter={(t: number) => formatClock(t)} stroke="#8b93a7" fontSize={11} allowDataOverflow />
        <YAxis width={56} stroke="#8b93a7" fontSize={11} tickFormatter={(v: number) => formatValue(v, panel.unit)} />
        <Tooltip content={(body: TooltipBody) => <ChartTooltip body={body} unit={panel.unit} markers={markers} toleranceMs={toleranceMs} />} />
        {panel.thresholds.map((t) => (
          <ReferenceLine
            key={`${t.kind}-${t.value}`}
            y={t.value}
            stroke={THRESHOLD_COLORS[t.kind]}
            strokeDasharray="6 3"
            ifOverflow="extendDomain"
            label={{ value: t.label || t.kind.toUpperCase(), position: 'insideTopRight', fill: THRESHOLD_COLORS[t.kind], fontSize: 10 }}
          />
        ))}
        {markers.map((m) => (
          <ReferenceLine key={m.seq} x={m.at} stroke={MARKER_COLORS[m.kind]} strokeDasharray="2 2" className={`marker marker-${m.kind}`} />
        ))}
        {data.lines.map((l, i) => (
          <Line key={l.dataKey} dataKey={l.dataKey} name={l.legend} stroke={LINE_COLORS[i % LINE_COLORS.length]} dot={false} isAnimationActive={false} strokeWidth={1.5} connectNulls={false} />
        ))}
      </LineChart>
      {data.omittedSeries > 0 || panel.totalSeries > panel.series.length ? (
        <p className="panel-note">
          Showing {data.lines.length} of {panel.totalSeries} series; narrow the query (e.g. topk or sum by) to see the rest.
        </p>
      ) : null}
    </div>
  );
}
