// Seeking in a long event log: projections are folded once with a checkpoint every few hundred events, so the state at any
// position is the nearest checkpoint plus a short replay — instant on 100k-event incidents, identical to a full replay.
import type { IncidentEvent } from '../events';

export interface Projection<S> {
  /** State before any event. */
  initial: S;
  /** Pure and non-mutating: playback keeps old states as checkpoints. */
  apply(state: S, event: IncidentEvent): S;
  /**
   * Optional, faster: folds events[from, to) into `state` when nobody keeps the states in between (a seek's replay from its
   * checkpoint, the stretch between two checkpoints). It may update in place what it copied itself during the run, but
   * never `state` or anything `state` shares. Always equal to applying the events one by one.
   */
  fold?(state: S, events: readonly IncidentEvent[], from: number, to: number): S;
}

/** events[from, to) folded into `state`: the projection's own fold when it has one, else apply event by event. */
function foldRange<S>(projection: Projection<S>, state: S, events: readonly IncidentEvent[], from: number, to: number): S {
  if (from >= to) return state;
  if (projection.fold) return projection.fold(state, events, from, to);
  let s = state;
  for (let i = from; i < to; i++) s = projection.apply(s, events[i]!);
  return s;
}

/**
 * Every 256 events up to 65k events, then about √n (a power of two): 1,024 at a million. Memory grows with the number
 * of checkpoints (each keeps the pane states an interval changed), seek time with the interval; √n balances the two
 * (a million-event cockpit keeps ~1,000 checkpoints and replays at most 1,024 events, a few ms).
 */
export function checkpointInterval(count: number): number {
  return Math.max(256, 2 ** Math.round(Math.log2(Math.sqrt(Math.max(1, count)))));
}

export class CheckpointedReplay<S> {
  private readonly checkpoints: S[] = [];

  /** `interval` trades memory for seek time; checkpoints[i] is the state after the first i*interval events. */
  constructor(
    private readonly projection: Projection<S>,
    private readonly events: readonly IncidentEvent[],
    readonly interval = checkpointInterval(events.length),
  ) {
    let state = projection.initial;
    this.checkpoints.push(state);
    for (let from = 0; from + interval <= events.length; from += interval) {
      state = foldRange(projection, state, events, from, from + interval);
      this.checkpoints.push(state);
    }
  }

  get length(): number {
    return this.events.length;
  }

  /** State after the first `count` events (0 = before the first event). */
  stateAfter(count: number): S {
    const n = Math.max(0, Math.min(count, this.events.length));
    const slot = Math.floor(n / this.interval);
    return foldRange(this.projection, this.checkpoints[slot] as S, this.events, slot * this.interval, n);
  }
}

/** Full replay of a prefix: the reference that checkpointed seeking must always equal. */
export function replayPrefix<S>(projection: Projection<S>, events: readonly IncidentEvent[], count: number): S {
  let state = projection.initial;
  for (let i = 0; i < Math.min(count, events.length); i++) state = projection.apply(state, events[i]!);
  return state;
}

/**
 * How many events had been recorded by time `t`. Recorded times are normally non-decreasing; a running maximum keeps the
 * answer monotonic even when an imported event carries an earlier time. The clock runs from the first event to
 * `windowEnd` when given (resolution plus a margin, see playback-window.ts), so annotations added long after the incident
 * do not stretch it; those events lie "after" the clock and are counted in `afterCount`.
 */
export class EventClock {
  private readonly runningMax: Float64Array;
  private readonly windowEnd: number | undefined;

  constructor(events: readonly IncidentEvent[], windowEnd?: number) {
    this.runningMax = new Float64Array(events.length);
    let max = -Infinity;
    events.forEach((e, i) => {
      max = Math.max(max, Date.parse(e.ts));
      this.runningMax[i] = max;
    });
    this.windowEnd = windowEnd !== undefined && events.length > 0 && windowEnd > this.start ? windowEnd : undefined;
  }

  get start(): number {
    return this.runningMax.length > 0 ? this.runningMax[0]! : 0;
  }

  /** Where the scrubber ends: the window's end, or the last event when there is no window. */
  get end(): number {
    return this.windowEnd ?? this.lastEventAt;
  }

  /** When the last event was recorded (after `end` when annotations came later). */
  get lastEventAt(): number {
    return this.runningMax.length > 0 ? this.runningMax[this.runningMax.length - 1]! : 0;
  }

  /** Events recorded after the clock's end (annotations made after the incident). */
  get afterCount(): number {
    return this.runningMax.length - this.countAt(this.end);
  }

  /** Number of events whose recorded time is ≤ t. */
  countAt(t: number): number {
    let lo = 0;
    let hi = this.runningMax.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.runningMax[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The time at which the `count`-th event was recorded. */
  timeOf(count: number): number {
    if (count <= 0) return this.start;
    return this.runningMax[Math.min(count, this.runningMax.length) - 1]!;
  }
}
