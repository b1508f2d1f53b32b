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

/** How a long fold shares a thread with a UI: it runs in slices and waits for `pause` between them. */
export interface FoldPacing {
  /** Resolves when the caller's UI has had its turn (a macrotask in a browser). */
  pause: () => Promise<void>;
  /** A clock in ms (performance.now in a browser). */
  now: () => number;
  /** The longest stretch of folding between two pauses, ms (default 12: a frame keeps room to paint). */
  sliceMs?: number;
  /** Events folded so far, and the total. */
  onProgress?: (folded: number, total: number) => void;
  /** Set `aborted` to stop at the next pause (the promise then rejects with an AbortedFold). */
  signal?: { readonly aborted: boolean };
}

/**
 * Runs `steps` (each yields how much of `total` is done) under `pacing`: a pause whenever a slice has run for sliceMs,
 * progress at each pause and at the end, AbortedFold at the first pause after the signal is set.
 */
export async function runPaced(steps: Iterable<number>, total: number, pacing: FoldPacing): Promise<void> {
  const sliceMs = pacing.sliceMs ?? 12;
  let sliceStart = pacing.now();
  for (const done of steps) {
    if (pacing.now() - sliceStart < sliceMs) continue;
    pacing.onProgress?.(done, total);
    await pacing.pause();
    if (pacing.signal?.aborted) throw new AbortedFold();
    sliceStart = pacing.now();
  }
  pacing.onProgress?.(total, total);
}

export class AbortedFold extends Error {
  constructor() {
    super('The fold was abandoned');
    this.name = 'AbortedFold';
  }
}

export class CheckpointedReplay<S> {
  private readonly checkpoints: S[] = [];
  private events: readonly IncidentEvent[] = [];

  /** `interval` trades memory for seek time; checkpoints[i] is the state after the first i*interval events. */
  constructor(
    private readonly projection: Projection<S>,
    events: readonly IncidentEvent[],
    readonly interval = checkpointInterval(events.length),
  ) {
    this.checkpoints.push(projection.initial);
    const steps = this.grow(events);
    while (!steps.next().done) {
      // one checkpoint folded per step
    }
  }

  /**
   * The same replay built a slice at a time (a million events take seconds to fold: a UI stays responsive meanwhile).
   * The interval is chosen for `events` as the constructor would.
   */
  static async build<S>(projection: Projection<S>, events: readonly IncidentEvent[], pacing: FoldPacing, interval = checkpointInterval(events.length)): Promise<CheckpointedReplay<S>> {
    const replay = new CheckpointedReplay(projection, [], interval);
    await replay.extend(events, pacing);
    return replay;
  }

  /**
   * Folds the events appended since (`events` must begin with the events this replay holds; the caller checks). The
   * replay answers correctly at every step, so it can stay on screen while it grows.
   */
  extend(events: readonly IncidentEvent[], pacing: FoldPacing): Promise<void> {
    return runPaced(this.grow(events), events.length, pacing);
  }

  /** The events this replay folds over. */
  get log(): readonly IncidentEvent[] {
    return this.events;
  }

  /** Takes `events` (which extend the current ones) and folds one checkpoint per step, yielding the events folded. */
  private *grow(events: readonly IncidentEvent[]): Generator<number> {
    this.events = events;
    let state = this.checkpoints[this.checkpoints.length - 1] as S;
    for (let from = (this.checkpoints.length - 1) * this.interval; from + this.interval <= events.length; from += this.interval) {
      state = foldRange(this.projection, state, events, from, from + this.interval);
      this.checkpoints.push(state);
      yield from + this.interval;
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
