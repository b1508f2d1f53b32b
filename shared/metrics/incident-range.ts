// The time range a metrics pane shows for an incident: from declaration minus a lead-in, to now (or a while after resolution).

export interface IncidentWindow {
  declaredAt: string;
  resolvedAt?: string | undefined;
}

export interface RangeOptions {
  /** How much history before the declaration to show: the burn usually starts before anyone declares. */
  leadInSeconds: number;
  /** How long after resolution to keep showing, to see that the fix held. */
  tailSeconds: number;
}

export interface TimeRange {
  /** Unix seconds. */
  start: number;
  /** Unix seconds. */
  end: number;
}

export const defaultRangeOptions: RangeOptions = { leadInSeconds: 30 * 60, tailSeconds: 30 * 60 };

export function incidentRange(incident: IncidentWindow, nowMs: number, options: RangeOptions = defaultRangeOptions): TimeRange {
  const declared = Date.parse(incident.declaredAt) / 1000;
  const now = nowMs / 1000;
  const start = declared - options.leadInSeconds;
  const resolved = incident.resolvedAt ? Date.parse(incident.resolvedAt) / 1000 : undefined;
  const end = resolved !== undefined ? Math.min(now, resolved + options.tailSeconds) : now;
  // Never past now (future points would repeat the latest sample), but never empty when the clock runs behind.
  return { start, end: Math.max(end, start + 1) };
}

/** True when the range can still grow, i.e. live polling is useful. */
export function rangeIsOpen(incident: IncidentWindow, nowMs: number, options: RangeOptions = defaultRangeOptions): boolean {
  if (!incident.resolvedAt) return true;
  return nowMs / 1000 < Date.parse(incident.resolvedAt) / 1000 + options.tailSeconds;
}
