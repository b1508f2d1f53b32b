// A selection of timeline rows (their ordinals, newest first) that need not be one packed array: playback's selection at t
// is a short head (the rows around t that were recorded out of order, filtered by seq) followed by a zero-copy tail of the
// cached selection of all rows. Seeking then never copies or scans a million ordinals. Hand-written: two typed arrays
// read as one; no library does less.

/** What the pane and the page builder read of a selection; an Int32Array is one. */
export interface OrdinalList {
  readonly length: number;
  /** The ordinal at position i (0 ≤ i < length). */
  at(i: number): number | undefined;
  /** Position of the ordinal, or -1. */
  indexOf(ordinal: number): number;
}

export class SplicedOrdinals implements OrdinalList {
  constructor(
    private readonly head: Int32Array,
    private readonly tail: Int32Array,
  ) {}

  get length(): number {
    return this.head.length + this.tail.length;
  }

  at(i: number): number | undefined {
    if (i < 0) return undefined;
    return i < this.head.length ? this.head[i] : this.tail[i - this.head.length];
  }

  indexOf(ordinal: number): number {
    const inHead = this.head.indexOf(ordinal);
    if (inHead >= 0) return inHead;
    const inTail = this.tail.indexOf(ordinal);
    return inTail < 0 ? -1 : this.head.length + inTail;
  }
}
