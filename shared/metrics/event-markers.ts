// The incident's own events that every chart marks: deploys (and each stage of a hot fix's controlled rollout, where its
// traffic moves), rollbacks, status and severity changes, notes and decisions.
import type { IncidentEvent } from '../events';
import { toTimelineEntry } from '../timeline/describe-event';

export type MarkerKind = 'deploy' | 'rollback' | 'status' | 'note';

export interface EventMarker {
  seq: number;
  /** Unix ms where the marker sits: when it happened, which for late notes is not when it was recorded. */
  at: number;
  kind: MarkerKind;
  actor: string;
  text: string;
}

function kindOf(event: IncidentEvent): MarkerKind | undefined {
  if (event.type.startsWith('rollback.')) return 'rollback';
  if (event.type === 'deploy.started' || event.type === 'deploy.finished') return 'deploy';
  // A rollout stage moves traffic onto the fix; its end (completed or aborted) is where the canary's effect should stop.
  if (event.type === 'rollout.stage_started' || event.type === 'rollout.completed' || event.type === 'rollout.aborted') return 'deploy';
  if (event.type === 'rollout.rollback_started') return 'rollback';
  if (event.type === 'incident.declared' || event.type === 'incident.status_changed' || event.type === 'incident.severity_changed') return 'status';
  if (event.type === 'note.added') return 'note';
  return undefined;
}

/** More markers than this cannot be told apart on a chart; beyond it plain notes are thinned (see markersFromEvents). */
export const MAX_MARKERS = 300;

/** Keeps every `keep` marker and an even sample of the others, so the total stays within `max`. */
function thin(markers: EventMarker[], keep: (m: EventMarker) => boolean, max: number): EventMarker[] {
  if (markers.length <= max) return markers;
  const kept = markers.filter(keep);
  const others = markers.filter((m) => !keep(m));
  const budget = Math.max(0, max - kept.length);
  const sampled = budget === 0 ? [] : others.filter((_, i) => Math.floor((i * budget) / others.length) !== Math.floor(((i - 1) * budget) / others.length));
  return [...kept, ...sampled];
}

/** An event's marker before the range and thinning are applied; `significant` markers are never thinned away. */
export interface MarkerCandidate {
  marker: EventMarker;
  significant: boolean;
  /** Unix ms the event was recorded (its ts; NaN if unreadable): playback keeps the markers recorded up to its cursor. */
  recordedAt: number;
}

/** The marker one event contributes to every chart, or undefined (rollback steps collapse into their start and outcome). */
export function markerCandidate(e: IncidentEvent): MarkerCandidate | undefined {
  const kind = kindOf(e);
  if (!kind || e.type === 'rollback.step') return undefined;
  const entry = toTimelineEntry(e);
  const at = Date.parse(entry.happenedAt ?? entry.ts);
  return { marker: { seq: e.seq, at, kind, actor: e.actor, text: entry.text }, significant: kind !== 'note' || (e.type === 'note.added' && e.payload.kind !== 'note'), recordedAt: Date.parse(e.ts) };
}

/** The candidates within [fromMs, toMs], thinned and sorted as markersFromEvents describes. */
export function markersInRange(candidates: readonly MarkerCandidate[], fromMs = -Infinity, toMs = Infinity): EventMarker[] {
  const out: EventMarker[] = [];
  const significant = new Set<number>();
  for (const { marker, significant: keep } of candidates) {
    if (marker.at < fromMs || marker.at > toMs) continue;
    out.push(marker);
    if (keep) significant.add(marker.seq);
  }
  return thin(out, (m) => significant.has(m.seq), MAX_MARKERS).sort((a, b) => a.at - b.at || a.seq - b.seq);
}

/**
 * Markers within [fromMs, toMs], oldest first. Rollback steps collapse into their start and outcome so charts stay readable;
 * on very long incidents plain notes are thinned to MAX_MARKERS while deploys, rollbacks, status changes and decisions all stay.
 */
export function markersFromEvents(events: readonly IncidentEvent[], fromMs = -Infinity, toMs = Infinity): EventMarker[] {
  const candidates: MarkerCandidate[] = [];
  for (const e of events) {
    const c = markerCandidate(e);
    if (c) candidates.push(c);
  }
  return markersInRange(candidates, fromMs, toMs);
}

/** Markers within `toleranceMs` of a hovered time, nearest first: what the chart tooltip names. */
export function markersNear(markers: readonly EventMarker[], atMs: number, toleranceMs: number): EventMarker[] {
  return markers.filter((m) => Math.abs(m.at - atMs) <= toleranceMs).sort((a, b) => Math.abs(a.at - atMs) - Math.abs(b.at - atMs));
}
