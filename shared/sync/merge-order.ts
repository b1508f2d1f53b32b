// The order every laptop folds a synced incident in: events the team server has sequenced, by their JetStream stream sequence
// (the same on every laptop), then this laptop's events not yet sequenced, in the order they were written. An own event
// moving from pending to sequenced keeps its place when nothing else was sequenced in between; otherwise the order changes
// behind the end, and `generation` moves on so folded projections start over.

export interface Ordered<E> {
  id: string;
  event: E;
}

export class MergeOrder<E> {
  private readonly synced: Ordered<E>[] = [];
  private readonly pending: Ordered<E>[] = [];
  private readonly streamSeqs = new Map<string, number>();
  private merged: E[] = [];
  private changed = 0;

  /** Moves on whenever events already handed out changed position (not when events were only added at the end). */
  get generation(): number {
    return this.changed;
  }

  /** Every event in merge order (the same array until the next change). */
  get events(): readonly E[] {
    return this.merged;
  }

  /** This laptop's events the server has not sequenced yet, in the order they were written. */
  get pendingEvents(): readonly E[] {
    return this.pending.map((p) => p.event);
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  get lastStreamSeq(): number {
    return this.synced.length === 0 ? 0 : (this.streamSeqs.get(this.synced.at(-1)!.id) ?? 0);
  }

  streamSeqOf(id: string): number | undefined {
    return this.streamSeqs.get(id);
  }

  has(id: string): boolean {
    return this.streamSeqs.has(id) || this.pending.some((p) => p.id === id);
  }

  /** This laptop wrote an event the server has not sequenced yet. */
  addPending(id: string, event: E): void {
    if (this.has(id)) return;
    this.pending.push({ id, event });
    this.merged.push(event);
  }

  /**
   * The server sequenced `id` at `streamSeq` (deliveries come in stream order; a repeat is ignored). Returns false for a
   * repeat, so the caller knows nothing changed.
   */
  addSynced(id: string, streamSeq: number, event: E): boolean {
    if (this.streamSeqs.has(id)) return false;
    if (streamSeq <= this.lastStreamSeq) throw new Error(`Stream sequence ${streamSeq} arrived after ${this.lastStreamSeq}.`);
    this.streamSeqs.set(id, streamSeq);
    const at = this.pending.findIndex((p) => p.id === id);
    const own = at >= 0 ? this.pending.splice(at, 1)[0]! : { id, event };
    this.synced.push(own);
    // The head of the pending events becoming sequenced, or any event while nothing is pending, keeps every position.
    if (at === 0 || (at < 0 && this.pending.length === 0)) {
      if (at < 0) this.merged.push(event);
      return true;
    }
    this.merged = [...this.synced.map((s) => s.event), ...this.pending.map((p) => p.event)];
    this.changed++;
    return true;
  }

  /**
   * An event the server sequenced earlier that this laptop held back (its author's key was not known yet) and has now
   * verified: it takes its place by stream sequence, and the positions after it move (the generation moves on).
   */
  addLateSynced(id: string, streamSeq: number, event: E): boolean {
    if (this.streamSeqs.has(id)) return false;
    if (streamSeq > this.lastStreamSeq) return this.addSynced(id, streamSeq, event);
    this.streamSeqs.set(id, streamSeq);
    const at = this.synced.findIndex((s) => (this.streamSeqs.get(s.id) ?? 0) > streamSeq);
    this.synced.splice(at < 0 ? this.synced.length : at, 0, { id, event });
    this.merged = [...this.synced.map((s) => s.event), ...this.pending.map((p) => p.event)];
    this.changed++;
    return true;
  }
}
