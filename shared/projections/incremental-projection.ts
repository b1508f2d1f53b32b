// A projection advanced event by event: it remembers the last sequence number it folded, so reading it after an append costs
// only the new events, never the whole log again. The reducer is a domain's pure fold from shared/** (see domain-projections.ts).
import type { IncidentEvent } from '../events';
import { lowerBoundBySeq } from '../timeline/timeline-page';

/** A domain's fold: where it starts, how one event changes it, and (optionally) the value callers read from the folded state. */
export interface ProjectionDef<S, V = S> {
  /** Names the projection in caches and error messages. */
  readonly name: string;
  initial(incidentId: string): S;
  /** May return the same state mutated or a new one; the state is owned by the projection and never handed out mutable. */
  apply(state: S, event: IncidentEvent, incidentId: string): S;
  view(state: S): V;
}

export class IncrementalProjection<S, V = S> {
  private current: S;
  private folded = 0;
  private viewCache: { seq: number; value: V } | undefined;

  constructor(
    readonly def: ProjectionDef<S, V>,
    readonly incidentId: string,
    /** Resume from a state known to be the fold of the events up to `from.lastSeq` (e.g. a summary written from this log). */
    from?: { state: S; lastSeq: number },
  ) {
    this.current = from ? from.state : def.initial(incidentId);
    this.folded = from?.lastSeq ?? 0;
  }

  /** The sequence number of the last event folded in (0 before any). */
  get lastSeq(): number {
    return this.folded;
  }

  get state(): S {
    return this.current;
  }

  /** Folds the events of `events` that come after lastSeq (older ones are skipped, so passing a whole log is fine and cheap). */
  apply(events: readonly IncidentEvent[]): V {
    const from = events.length > 0 && events[0]!.seq > this.folded ? 0 : lowerBoundBySeq(events, this.folded + 1);
    for (let i = from; i < events.length; i++) {
      const event = events[i]!;
      this.current = this.def.apply(this.current, event, this.incidentId);
      this.folded = event.seq;
    }
    return this.value();
  }

  /** The view of the folded state, computed once per lastSeq. */
  value(): V {
    if (this.viewCache?.seq !== this.folded) this.viewCache = { seq: this.folded, value: this.def.view(this.current) };
    return this.viewCache.value;
  }
}

/** Folds a whole log at once with the same reducer: what the incremental projection must always equal. */
export function projectAll<S, V>(def: ProjectionDef<S, V>, incidentId: string, events: readonly IncidentEvent[]): V {
  let state = def.initial(incidentId);
  for (const e of events) state = def.apply(state, e, incidentId);
  return def.view(state);
}
