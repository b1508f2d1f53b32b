// The distinct tokens of the timeline's search text, numbered in order of first appearance, without a heap object per token.
// A million-event log has ~700k distinct tokens, most seen once (numbers, ids, shas): a Map<string, number> over them, with a
// string object each, held ≈ 55 MB. Here the tokens live in one newline-joined string (what a search scans with indexOf
// anyway), found again through an open-addressing hash table of ids in an Int32Array: ≈ 20 bytes a token. Hand-written:
// JS has no compact string set, and a search must find the tokens holding a word inside them, which no library hash set does.
import { Column } from './columns';

export interface TokenTableOptions {
  /** New tokens kept as strings until this many are waiting, then appended to the joined text (tests use small values). */
  flushEvery?: number;
}

const EMPTY = 0;

export class TokenTable {
  /** The flushed tokens, each followed by '\n' (tokens hold no whitespace). */
  private text = '';
  /** Where each token starts in `text` (pending tokens too: where they will start once flushed). */
  private readonly starts = new Column(Int32Array);
  /** Each token's hash (rehashing and comparing without reading the text). */
  private readonly hashes = new Column(Int32Array);
  /** Tokens not yet appended to `text`; pending[i] has id flushed + i. */
  private pending: string[] = [];
  private flushed = 0;
  /** Open addressing, linear probing: id + 1, or EMPTY. Kept at most half full. */
  private slots = new Int32Array(1 << 10);
  private readonly flushEvery: number;

  constructor(options: TokenTableOptions = {}) {
    this.flushEvery = options.flushEvery ?? 65_536;
  }

  get size(): number {
    return this.starts.length;
  }

  /** The token's id, numbering it if it is new. */
  idOf(token: string): number {
    const hash = hashOf(token);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) return this.append(token, hash, slot);
      const id = entry - 1;
      if (this.hashes.get(id) === hash && this.holds(id, token)) return id;
    }
  }

  /** The id of an existing token, or -1. */
  find(token: string): number {
    const hash = hashOf(token);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) return -1;
      const id = entry - 1;
      if (this.hashes.get(id) === hash && this.holds(id, token)) return id;
    }
  }

  /** Every token, each followed by '\n', in id order (pending ones appended first). */
  joined(): string {
    this.flush();
    return this.text;
  }

  /** Where token `id` starts in joined(). */
  startOf(id: number): number {
    return this.starts.get(id);
  }

  /** The id of the token whose text (in joined()) covers position `at`, searching ids from `from` on. */
  idAt(at: number, from = 0): number {
    let lo = from;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts.get(mid) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private holds(id: number, token: string): boolean {
    if (id >= this.flushed) return this.pending[id - this.flushed] === token;
    const start = this.starts.get(id);
    const end = id + 1 < this.starts.length ? this.starts.get(id + 1) - 1 : this.text.length - 1;
    if (end - start !== token.length) return false;
    const text = this.text;
    for (let i = 0; i < token.length; i++) if (text.charCodeAt(start + i) !== token.charCodeAt(i)) return false;
    return true;
  }

  private append(token: string, hash: number, slot: number): number {
    const id = this.starts.length;
    const previous = id - 1;
    const start = id === 0 ? 0 : this.starts.get(previous) + this.lengthOf(previous) + 1;
    this.starts.push(start);
    this.hashes.push(hash);
    this.pending.push(token);
    this.slots[slot] = id + 1;
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    if (this.pending.length >= this.flushEvery) this.flush();
    return id;
  }

  private lengthOf(id: number): number {
    if (id >= this.flushed) return this.pending[id - this.flushed]!.length;
    const end = id + 1 < this.starts.length ? this.starts.get(id + 1) - 1 : this.text.length - 1;
    return end - this.starts.get(id);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.text += `${this.pending.join('\n')}\n`;
    this.flushed += this.pending.length;
    this.pending = [];
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.starts.length; id++) {
      let slot = this.hashes.get(id) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over UTF-16 code units, with a final avalanche so linear probing spreads similar tokens ("123:", "124:"). */
function hashOf(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}
