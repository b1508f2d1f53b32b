// Evaluating a timeline filter over the index's rows (timeline-rows.ts): the words of a search through the postings, then
// source, actor, type, kind and pin per row, newest first, as filterTimeline (timeline-view.ts) decides them. Split from
// timeline-index.ts, which caches what this finds and builds the rows of a page from it.
import { sourceCode, kindCode, type TimelineAnnotations, type TimelineRows } from './timeline-rows';
import type { TokenPostings } from './token-postings';
import type { TimelineFilter } from './timeline-view';

const METRIC_SAMPLE = 'metric.observed';

export interface TimelineSelectOptions {
  /** Only rows recorded up to this seq (playback at t); default: all. */
  upToSeq?: number;
  annotations?: TimelineAnnotations;
}

/** Words of a search, as filterTimeline splits them. */
export const searchWords = (text: string | undefined): string[] => (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);

/** The lower-cased text a row is searched by (as buildTimelineRows computes it). */
export const haystackOf = (entry: { text: string; detail?: string; actor: string; type: string }) => `${entry.text} ${entry.detail ?? ''} ${entry.actor} ${entry.type}`.toLowerCase();

/** Scans the rows for a filter, reusing its scratch arrays between scans. */
export class TimelineScan {
  /**
   * Scratch space reused by every scan (the rows found, and the rows a search matched): fresh megabytes per request add up to
   * the external memory that makes V8 run full collections of a heap holding a million events (a search or page then took
   * hundreds of milliseconds now and then).
   */
  private found = new Int32Array(0);
  private mask = new Uint8Array(0);

  /** `haystackAt`: the search text of a row, for checking words against the rows of a rare token (token-postings.ts). */
  constructor(
    private readonly rows: TimelineRows,
    private readonly postings: TokenPostings,
    private readonly haystackAt: (ordinal: number) => string,
  ) {}

  /** The rows matching `filter` (up to options.upToSeq, annotated as options say), newest first: a fresh array. */
  scan(filter: TimelineFilter, options: TimelineSelectOptions): Int32Array {
    const n = this.rows.seq.length;
    const words = searchWords(filter.text);
    const text = words.length > 0 ? this.matchWords(words) : undefined;
    const textMatch = text?.mask;
    const sources = filter.sources && filter.sources.size > 0 ? new Set([...filter.sources].map((s) => sourceCode.get(s))) : undefined;
    const actor = filter.actor ? this.rows.actors.find(filter.actor) : undefined;
    const type = filter.type ? this.rows.types.find(filter.type) : undefined;
    const metricType = this.rows.types.find(METRIC_SAMPLE);
    const hideMetrics = metricType !== undefined && !filter.showMetricSamples && filter.type !== METRIC_SAMPLE;
    const kind = filter.kind ? kindCode(filter.kind) : 0;
    const upTo = options.upToSeq ?? Infinity;
    if (this.found.length < n) this.found = new Int32Array(Math.max(n, this.found.length * 2));
    const out = this.found;
    let count = 0;
    if ((filter.actor && actor === undefined) || (filter.type && type === undefined) || (text && text.rows.length === 0)) {
      if (text) for (const o of text.rows) text.mask[o] = 0;
      return new Int32Array(0);
    }
    const seqs = this.rows.seq.raw;
    const src = this.rows.source.raw;
    const act = this.rows.actor.raw;
    const typ = this.rows.type.raw;
    const order = this.rows.order.raw;
    const byActor = actor !== undefined;
    const byType = type !== undefined;
    const annotated = kind !== 0 || filter.pinnedOnly === true;
    for (let i = this.rows.order.length - 1; i >= 0; i--) {
      const o = order[i]!;
      if (seqs[o]! > upTo) continue;
      if (textMatch !== undefined && textMatch[o] !== 1) continue;
      if (sources !== undefined) {
        if (!sources.has(src[o]!)) continue;
      } else if (hideMetrics && typ[o] === metricType) continue;
      if (byActor && act[o] !== actor) continue;
      if (byType && typ[o] !== type) continue;
      if (annotated) {
        if (kind !== 0 && this.rows.kindOf(o, options.annotations) !== kind) continue;
        if (filter.pinnedOnly && !this.rows.pinnedOf(o, options.annotations)) continue;
      }
      out[count++] = o;
    }
    if (text) for (const o of text.rows) text.mask[o] = 0;
    return out.slice(0, count);
  }

  /** Rows whose search text holds every word, marked 1 in the reused mask (clear them with unmark once read). */
  private matchWords(words: string[]): { mask: Uint8Array; rows: Int32Array } {
    const n = this.rows.seq.length;
    if (this.mask.length < n) this.mask = new Uint8Array(Math.max(n, this.mask.length * 2));
    const rows = this.postings.match(words, n, this.haystackAt);
    for (const o of rows) this.mask[o] = 1;
    return { mask: this.mask, rows };
  }
}
