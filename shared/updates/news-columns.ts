// The newsworthy events of an incident as the update-context fold keeps them: typed columns (a few bytes per event) instead of
// an object per event, because a long incident is mostly notes (a 1M-event log held 666k NewsItem objects, ~46 MB with the
// arrays pointing at them). The reference path (buildUpdateContext over the log) reads NewsItem[] through the same interface
// (NewsList, newsListOf in audience-facts.ts).
import { NoteKind, type IncidentEvent } from '../events';
import { Column } from '../timeline/columns';
import { isAcknowledgementOnly, newsworthyTypes, type NewsList, type NoteKindsBySeq } from './audience-facts';

const kindCodes: readonly NoteKind[] = NoteKind.options;

/**
 * Note kinds in a dense Uint8 column indexed by seq (0 = no kind recorded, else 1 + index into NoteKind's options). Seqs are
 * local, 1…N, so the column is about one byte per event; they need not arrive in order (a team-synced incident folds in
 * merge order, and a classification can target any earlier note), so writes grow the column to fit (Column.put).
 */
export class NoteKindColumn implements NoteKindsBySeq {
  private readonly codes = new Column(Uint8Array);

  set(seq: number, kind: NoteKind): void {
    if (!Number.isInteger(seq) || seq < 0) throw new Error(`A note kind needs a local seq (a whole number ≥ 0), not ${seq}.`);
    this.codes.put(seq, kindCodes.indexOf(kind) + 1);
  }

  get(seq: number): NoteKind | undefined {
    if (seq < 0 || seq >= this.codes.length) return undefined;
    const code = this.codes.get(seq);
    return code === 0 ? undefined : kindCodes[code - 1];
  }
}

const typeCodes: readonly IncidentEvent['type'][] = [...newsworthyTypes];
const typeCode = new Map(typeCodes.map((t, i) => [t, i]));

/**
 * Newsworthy events as columns: seq, type code (index into newsworthyTypes) and the acknowledgement flag. The events kept
 * whole (everything but notes written as plain notes, observations or hypotheses: decisions, actions, status changes…, few)
 * are in a Map by row; the text of the others is read back by seq for the few lines a draft shows.
 */
export class NewsColumns implements NewsList {
  private readonly seqs = new Column(Int32Array);
  private readonly types = new Column(Uint8Array);
  private readonly ackOnly = new Column(Uint8Array);
  private readonly kept = new Map<number, IncidentEvent>();

  get length(): number {
    return this.seqs.length;
  }

  /** Appends `e` if it is newsworthy; false (nothing kept) otherwise. */
  push(e: IncidentEvent): boolean {
    const code = typeCode.get(e.type);
    if (code === undefined) return false;
    const row = this.seqs.length;
    this.seqs.push(e.seq);
    this.types.push(code);
    const note = e.type === 'note.added';
    this.ackOnly.push(note && isAcknowledgementOnly(e.payload.text) ? 1 : 0);
    if (!note || e.payload.kind === 'decision' || e.payload.kind === 'action') this.kept.set(row, e);
    return true;
  }

  /** How many events are kept whole (the rest are read back by seq). */
  get keptCount(): number {
    return this.kept.size;
  }

  seqAt(i: number): number {
    return this.seqs.get(i);
  }

  typeAt(i: number): IncidentEvent['type'] {
    return typeCodes[this.types.get(i)]!;
  }

  ackOnlyAt(i: number): boolean {
    return this.ackOnly.get(i) === 1;
  }

  eventAt(i: number): IncidentEvent | undefined {
    return this.kept.get(i);
  }
}
