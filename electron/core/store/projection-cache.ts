// Per-incident incremental projections, keyed by log identity and lastSeq: a read folds only the events appended since the last
// read. A log that was reopened (crash recovery, quarantine, an import adopted into the store) is a new IncidentLog object, so
// every projection of the old one is dropped and rebuilt from the new log: a cached projection never outlives the log it folded.
import { IncrementalProjection, type ProjectionDef } from '../../../shared/projections/incremental-projection';
import type { IncidentEvent } from '../../../shared/events';
import type { IncidentLog } from './incident-log';

interface CachedLog {
  log: IncidentLog;
  projections: Map<ProjectionDef<unknown, unknown>, IncrementalProjection<unknown, unknown>>;
}

/** Team sync: the order a shared incident's events are folded in (see shared/sync/merge-order.ts) instead of the log's. */
export interface FoldOrder {
  readonly events: readonly IncidentEvent[];
  /** Moves on when events already folded changed position: projections over the order start over. */
  readonly generation: number;
}

interface OrderedFold {
  generation: number;
  folded: number;
  state: unknown;
  view?: { folded: number; value: unknown };
}

export class ProjectionCache {
  private readonly byIncident = new Map<string, CachedLog>();
  private readonly ordered = new Map<string, { order: FoldOrder; folds: Map<ProjectionDef<unknown, unknown>, OrderedFold> }>();
  private orderOf: (incidentId: string) => FoldOrder | undefined = () => undefined;
  /** Projections folded in the same pass whenever one must read old events back from disk (see read). */
  private companions: readonly ProjectionDef<unknown, unknown>[] = [];

  /**
   * Projections registered here are folded together: when a projection is behind the log's in-memory tail (the first read after open, with no
   * summary to resume from), every one of them is advanced in that one pass over the file. Folded one by one, each domain
   * read the million events back from disk on its own — several passes at start instead of one.
   */
  foldTogether<S, V>(def: ProjectionDef<S, V>): void {
    const key = def as unknown as ProjectionDef<unknown, unknown>;
    if (!this.companions.includes(key)) this.companions = [...this.companions, key];
  }

  /** Shared incidents are folded in the order `orderOf` gives (undefined: the log's own order). */
  useOrder(orderOf: (incidentId: string) => FoldOrder | undefined): void {
    this.orderOf = orderOf;
  }

  private readOrdered<S, V>(incidentId: string, order: FoldOrder, def: ProjectionDef<S, V>): V {
    let cached = this.ordered.get(incidentId);
    if (cached?.order !== order) {
      cached = { order, folds: new Map() };
      this.ordered.set(incidentId, cached);
    }
    const key = def as ProjectionDef<unknown, unknown>;
    let fold = cached.folds.get(key);
    if (!fold || fold.generation !== order.generation || fold.folded > order.events.length) {
      fold = { generation: order.generation, folded: 0, state: def.initial(incidentId) };
      cached.folds.set(key, fold);
    }
    const events = order.events;
    let state = fold.state as S;
    for (let i = fold.folded; i < events.length; i++) state = def.apply(state, events[i]!, incidentId);
    fold.state = state;
    fold.folded = events.length;
    if (fold.view?.folded !== fold.folded) fold.view = { folded: fold.folded, value: def.view(state) };
    return fold.view.value as V;
  }

  /** The projection's value over `log` as it is now; `log` undefined (unreadable incident) gives the projection's initial value. */
  read<S, V>(incidentId: string, log: IncidentLog | undefined, def: ProjectionDef<S, V>): V {
    if (!log) return def.view(def.initial(incidentId));
    const order = this.orderOf(incidentId);
    if (order) return this.readOrdered(incidentId, order, def);
    const { projection, group, from } = this.behind(incidentId, log, def);
    // Only the events after the projections' lastSeq, a chunk at a time (older ones are read from the file, never all held).
    if (group.length > 0) for (const chunk of log.readChunks(from)) for (const p of group) p.apply(chunk);
    return projection.value();
  }

  /**
   * Advances the projection (and its companions) to the log's end like read, but a slice of events at a time with a turn of the
   * event loop between slices: a first fold of a million events (the timeline index) takes seconds, and the host answered no
   * request meanwhile. A read during a pause simply folds on from where this got to. Team-ordered folds are left to read.
   */
  async catchUp<S, V>(incidentId: string, log: IncidentLog, def: ProjectionDef<S, V>, sliceEvents = 8192): Promise<void> {
    if (this.orderOf(incidentId)) return;
    const { group, from } = this.behind(incidentId, log, def);
    if (group.length === 0) return;
    for (const chunk of log.readChunks(from)) {
      for (let i = 0; i < chunk.length; i += sliceEvents) {
        const slice = chunk.slice(i, i + sliceEvents);
        for (const p of group) p.apply(slice);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  /** The cached projection of `def` over `log` and, when it is behind, the projections to advance with it and the seq to start from. */
  private behind<S, V>(incidentId: string, log: IncidentLog, def: ProjectionDef<S, V>): { projection: IncrementalProjection<S, V>; group: IncrementalProjection<S, V>[]; from: number } {
    let cached = this.byIncident.get(incidentId);
    if (cached?.log !== log) {
      cached = { log, projections: new Map() };
      this.byIncident.set(incidentId, cached);
    }
    let projection = cached.projections.get(def as ProjectionDef<unknown, unknown>) as IncrementalProjection<S, V> | undefined;
    // The committed events only ever grow; a projection ahead of its log would mean the log was replaced in place.
    if (!projection || projection.lastSeq > log.lastSeq) {
      projection = new IncrementalProjection(def, incidentId);
      cached.projections.set(def as ProjectionDef<unknown, unknown>, projection as IncrementalProjection<unknown, unknown>);
    }
    if (projection.lastSeq === log.lastSeq) return { projection, group: [], from: log.lastSeq + 1 };
    const group = [projection];
    if (projection.lastSeq + 1 < log.inMemoryFromSeq) {
      for (const companion of this.companions) {
        if (companion === def) continue;
        let other = cached.projections.get(companion);
        if (!other || other.lastSeq > log.lastSeq) {
          other = new IncrementalProjection(companion, incidentId);
          cached.projections.set(companion, other);
        }
        if (other.lastSeq + 1 < log.inMemoryFromSeq) group.push(other as IncrementalProjection<S, V>);
      }
    }
    return { projection, group, from: Math.min(...group.map((p) => p.lastSeq)) + 1 };
  }

  /**
   * Starts each projection over `log` from a state already folded up to `lastSeq` (a summary or a projection snapshot that names
   * this log's exact bytes); the states are owned by the projections from now on.
   */
  seed(incidentId: string, log: IncidentLog, lastSeq: number, seeds: readonly { def: ProjectionDef<unknown, unknown>; state: unknown }[]): void {
    const cached = { log, projections: new Map<ProjectionDef<unknown, unknown>, IncrementalProjection<unknown, unknown>>() };
    for (const { def, state } of seeds) cached.projections.set(def, new IncrementalProjection(def, incidentId, { state, lastSeq }));
    this.byIncident.set(incidentId, cached);
  }

  /**
   * The states of `defs` over `log`, each folded through the log's last event (advanced first if behind), for a snapshot; undefined
   * while the incident is folded in a team order (those folds are not the log's). The states are live: serialize them at once.
   */
  statesOf(incidentId: string, log: IncidentLog, defs: readonly ProjectionDef<unknown, unknown>[]): { lastSeq: number; states: Map<string, unknown> } | undefined {
    if (this.orderOf(incidentId)) return undefined;
    for (const def of defs) this.read(incidentId, log, def);
    const cached = this.byIncident.get(incidentId);
    if (cached?.log !== log) return undefined;
    const states = new Map<string, unknown>();
    for (const def of defs) {
      const projection = cached.projections.get(def);
      if (projection?.lastSeq !== log.lastSeq) return undefined;
      states.set(def.name, projection.state);
    }
    return { lastSeq: log.lastSeq, states };
  }

  /** Forgets an incident's projections (its log was closed or replaced). */
  forget(incidentId: string): void {
    this.byIncident.delete(incidentId);
    this.ordered.delete(incidentId);
  }

  clear(): void {
    this.byIncident.clear();
    this.ordered.clear();
  }
}
