// How long the playback clock runs: from declaration to resolution plus a margin, so a pin or a runbook attached weeks
// later does not stretch a 73-minute incident across a nine-month bar. Unresolved incidents run to their last event.
import type { IncidentEvent } from '../events';
import { keyTimes } from '../incidents/key-times';

const MIN_MARGIN_MS = 2 * 60_000;
const MAX_MARGIN_MS = 30 * 60_000;

/** The end of the playback window (ms since epoch), or undefined when the incident is not resolved. */
export function playbackWindowEnd(events: readonly IncidentEvent[]): number | undefined {
  const first = events[0];
  const resolved = keyTimes(events).resolved;
  if (!first || !resolved) return undefined;
  const resolvedAt = Date.parse(resolved);
  const duration = Math.max(0, resolvedAt - Date.parse(first.ts));
  const margin = Math.min(MAX_MARGIN_MS, Math.max(MIN_MARGIN_MS, duration * 0.1));
  return resolvedAt + margin;
}
