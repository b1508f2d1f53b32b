// How a panel prints a sample: compact numbers with the panel's unit, and Prometheus's special values spelled out.

const SI = [
  { limit: 1e12, suffix: 'T' },
  { limit: 1e9, suffix: 'G' },
  { limit: 1e6, suffix: 'M' },
  { limit: 1e3, suffix: 'k' },
];

function compact(value: number): string {
  const abs = Math.abs(value);
  for (const { limit, suffix } of SI) if (abs >= limit) return `${trim(value / limit)}${suffix}`;
  if (abs !== 0 && abs < 0.001) return value.toExponential(2);
  return trim(value);
}

const trim = (n: number) => String(Number(n.toPrecision(4)));

export function formatValue(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (unit === '%') return `${trim(value)}%`;
  if (unit === 'ratio') return `${trim(value * 100)}%`;
  if (unit === 's' && Math.abs(value) < 1 && value !== 0) return `${trim(value * 1000)} ms`;
  return unit ? `${compact(value)} ${unit}` : compact(value);
}

/** Clock time for axes and tooltips (24-hour), in UTC or the viewer's zone; the chart names the zone once beside it. */
export function formatClock(ms: number, withSeconds = false, zone: 'utc' | 'local' = 'local'): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const [h, m, s] = zone === 'utc' ? [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()] : [d.getHours(), d.getMinutes(), d.getSeconds()];
  return `${pad(h)}:${pad(m)}${withSeconds ? `:${pad(s)}` : ''}`;
}
