// Every chart marker candidate of an incident, packed: seq, where it sits, its kind and whether it is significant, in typed
// columns (≈ 18 bytes a candidate). A million-event incident has hundreds of thousands of notes, each a candidate: as marker
// objects with their texts they held ≈ 110 MB in the core. A chart shows at most MAX_MARKERS, so only those are described
// (actor and text read back from their events by seq) — the same markers markersInRange gives, in the same order.
import type { IncidentEvent } from '../events';
import { Column } from '../timeline/columns';
import { toTimelineEntry } from '../timeline/describe-event';
import { MAX_MARKERS, markerCandidate, type EventMarker, type MarkerKind } from './event-markers';

const kinds: readonly MarkerKind[] = ['deploy', 'rollback', 'status', 'note'];

/** What a marker says, from its event. */
export const describeMarker = (e: IncidentEvent): { actor: string; text: string } => ({ actor: e.actor, text: toTimelineEntry(e).text });

export class MarkerColumns {
  private readonly seq = new Column(Float64Array, 256);
  private readonly at = new Column(Float64Array, 256);
  private readonly kind = new Column(Uint8Array, 256);
  private readonly significant = new Column(Uint8Array, 256);
  /** When each candidate's event was recorded (its ts; NaN if unreadable): playback keeps those recorded up to its cursor. */
  private readonly recordedAt = new Column(Float64Array, 256);

  get length(): number {
    return this.seq.length;
  }

  /** Adds the event's candidate, if it has one (events in fold order). */
  add(e: IncidentEvent): void {
    const c = markerCandidate(e);
    if (!c) return;
    this.seq.push(c.marker.seq);
    this.at.push(c.marker.at);
    this.kind.push(kinds.indexOf(c.marker.kind));
    this.significant.push(c.significant ? 1 : 0);
    this.recordedAt.push(c.recordedAt);
  }

  /**
   * Markers within [fromMs, toMs], oldest first, thinned as markersInRange thins them (every significant one, an even sample
   * of the others in fold order), of the candidates recorded up to `recordedUpTo`. `describe` gives a chosen marker's actor
   * and text from its seq.
   */
  inRange(fromMs: number, toMs: number, describe: (seq: number) => { actor: string; text: string }, recordedUpTo?: number): EventMarker[] {
    const n = this.seq.length;
    const at = this.at.raw;
    const recorded = this.recordedAt.raw;
    const byRecord = recordedUpTo !== undefined;
    // As markersInRange compares (a marker whose time is NaN stays in; one whose record time is NaN is not recorded by then).
    const outside = (i: number) => at[i]! < fromMs || at[i]! > toMs || (byRecord && !(recorded[i]! <= recordedUpTo));
    const significant = this.significant.raw;
    let inside = 0;
    let others = 0;
    for (let i = 0; i < n; i++) {
      if (outside(i)) continue;
      inside++;
      if (significant[i] === 0) others++;
    }
    const thinning = inside > MAX_MARKERS;
    const budget = Math.max(0, MAX_MARKERS - (inside - others));
    const chosen: number[] = [];
    let other = 0;
    for (let i = 0; i < n; i++) {
      if (outside(i)) continue;
      if (!thinning || significant[i] === 1) {
        chosen.push(i);
        continue;
      }
      // The sample markersInRange takes: the other whose index starts a new step of budget / others.
      if (budget > 0 && Math.floor((other * budget) / others) !== Math.floor(((other - 1) * budget) / others)) chosen.push(i);
      other++;
    }
    const out = chosen.map((i): EventMarker => {
      const seq = this.seq.get(i);
      return { seq, at: at[i]!, kind: kinds[this.kind.get(i)]!, ...describe(seq) };
    });
    return out.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }
}
