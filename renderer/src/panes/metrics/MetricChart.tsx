// One panel's chart: lines downsampled to the width, framed on the incident (declaration minus a lead-in, or the first
// point), threshold/SLO lines, the incident's events as markers with tooltips, and a brush underneath to zoom in.
import { useState } from 'react';
import { Brush, CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricsView, PanelView } from '../../../../shared/ipc';
import type { ChartData } from '../../../../shared/metrics/chart-data';
import { markersNear, type EventMarker } from '../../../../shared/metrics/event-markers';
import { formatClock, formatValue } from '../../../../shared/metrics/format-value';
import { useTimeZoneStore } from '../../time/time-zone-store';

const LINE_COLORS = ['#4e9af1', '#f59e0b', '#10b981', '#ef4444', '#a78bfa', '#14b8a6', '#f472b6', '#84cc16', '#fb923c', '#60a5fa', '#e879f9', '#facc15'];
const MARKER_COLORS: Record<EventMarker['kind'], string> = { deploy: '#38bdf8', rollback: '#f97316', status: '#a3a3a3', note: '#c084fc' };
const THRESHOLD_COLORS = { warning: '#f59e0b', critical: '#ef4444', slo: '#22c55e' } as const;

interface TooltipBody {
  active?: boolean;
  label?: unknown;
  payload?: readonly { dataKey?: unknown; value?: unknown; color?: string; name?: unknown }[];
}

function ChartTooltip({ body, unit, markers, toleranceMs, zone }: { body: TooltipBody; unit: string; markers: readonly EventMarker[]; toleranceMs: number; zone: 'utc' | 'local' }) {
  if (!body.active || typeof body.label !== 'number') return null;
  const near = markersNear(markers, body.label, toleranceMs).slice(0, 3);
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-time">
        {formatClock(body.label, true, zone)} {zone === 'utc' ? 'UTC' : 'local'}
      </div>
      {(body.payload ?? []).map((p) => (
        <div key={String(p.dataKey)} className="chart-tooltip-row">
          <span className="chart-swatch" style={{ background: p.color }} />
          <span className="chart-tooltip-name">{String(p.name)}</span>
          <span className="chart-tooltip-value">{formatValue(typeof p.value === 'number' ? p.value : null, unit)}</span>
        </div>
      ))}
      {near.map((m) => (
        <div key={m.seq} className={`chart-tooltip-marker marker-${m.kind}`}>
          {formatClock(m.at, false, zone)} · {m.text}
        </div>
      ))}
    </div>
  );
}

export function MetricChart({ panel, data, markers, domain, width }: { panel: PanelView; data: ChartData; markers: MetricsView['markers']; domain: [number, number]; width: number }) {
  const zone = useTimeZoneStore((s) => s.zone);
  // The brush selects row indexes; the zoom is kept as times so a refresh that adds rows does not move it.
  const [zoom, setZoom] = useState<[number, number] | undefined>();
  const rows = data.rows.filter((r) => r.t >= domain[0] && r.t <= domain[1]);
  const shown: [number, number] = zoom ?? domain;
  const indexOf = (t: number) => Math.max(0, rows.findIndex((r) => r.t >= t));
  const lastIndex = Math.max(0, rows.length - 1);
  const brushStart = zoom ? indexOf(zoom[0]) : 0;
  const brushEnd = zoom ? Math.max(brushStart, rows.findLastIndex((r) => r.t <= zoom[1])) : lastIndex;
  const toleranceMs = ((shown[1] - shown[0]) / Math.max(1, width)) * 8;
  return (
    <div className="metric-chart" data-points={data.pointsOut} data-domain-start={shown[0]} data-domain-end={shown[1]}>
      <LineChart width={width} height={200} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#2a2f3a" strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={shown}
          tickFormatter={(t: number) => formatClock(t, false, zone)}
          stroke="#8b93a7"
          fontSize={11}
          allowDataOverflow
        />
        <YAxis width={56} stroke="#8b93a7" fontSize={11} tickFormatter={(v: number) => formatValue(v, panel.unit)} />
        <Tooltip content={(body: TooltipBody) => <ChartTooltip body={body} unit={panel.unit} markers={markers} toleranceMs={toleranceMs} zone={zone} />} />
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
        {rows.length > 2 ? (
          <Brush
            dataKey="t"
            height={18}
            stroke="#8b93a7"
            fill="transparent"
            travellerWidth={8}
            startIndex={brushStart}
            endIndex={brushEnd}
            tickFormatter={(t: number) => formatClock(t, false, zone)}
            onChange={(range: { startIndex?: number; endIndex?: number }) => {
              const a = rows[range.startIndex ?? 0]?.t;
              const b = rows[range.endIndex ?? lastIndex]?.t;
              if (a === undefined || b === undefined) return;
              setZoom(range.startIndex === 0 && range.endIndex === lastIndex ? undefined : [a, b]);
            }}
          />
        ) : null}
      </LineChart>
      <div className="chart-footer">
        <span className="panel-note">
          Times in {zone === 'utc' ? 'UTC' : 'local time'} · drag the handles below the chart to zoom
        </span>
        {zoom ? (
          <button type="button" className="link-button" onClick={() => setZoom(undefined)}>
            Reset zoom
          </button>
        ) : null}
      </div>
      {data.omittedSeries > 0 || panel.totalSeries > panel.series.length ? (
        <p className="panel-note">
          Showing {data.lines.length} of {panel.totalSeries} series; narrow the query (e.g. topk or sum by) to see the rest.
        </p>
      ) : null}
    </div>
  );
}
