// Human-readable durations for the header's elapsed time and key-time deltas ("1h 07m", "4m 09s").
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86400);
  const hours = Math.floor((totalSeconds % 86400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days}d ${hours}h ${pad(minutes)}m`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  return `${minutes}m ${pad(seconds)}s`;
}

/** Elapsed time of an incident: until resolution if resolved, otherwise until now. */
export function incidentElapsedMs(declaredAt: string, resolvedAt: string | undefined, now: number): number {
  const end = resolvedAt ? Date.parse(resolvedAt) : now;
  return end - Date.parse(declaredAt);
}
