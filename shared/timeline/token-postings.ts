// Search for the timeline index: which rows' search text holds every word of a search, as filterTimeline decides it (a word
// anywhere inside the text, so "shard" finds "shards"). Each row's text is split into whitespace-separated tokens; each token
// keeps the rows holding it (its postings); the distinct tokens are kept as one newline-joined string (token-table.ts), so
// finding the tokens that hold a word is a native indexOf over a few megabytes instead of a test of every token (a
// million-event log has ~700k distinct tokens: that loop made a search cost 100–650 ms). A token seen in one row keeps that
// row inline; others keep a packed list (posting-lists.ts). Hand-written: search libraries rank and tokenise words; this must
// answer exactly what the substring filter answers.
import { Column } from './columns';
import { PostingLists, type PostingListsOptions } from './posting-lists';
import { TokenTable, type TokenTableOptions } from './token-table';

/** Rows holding a word, at most this many, are checked against the other words by their text instead of by postings. */
const FEW_ROWS = 2000;

export type TokenPostingsOptions = TokenTableOptions & PostingListsOptions;

export class TokenPostings {
  private readonly tokens: TokenTable;
  /** Per token: the row holding it while there is one (≥ 0), then -(its list + 1). */
  private readonly head = new Column(Int32Array);
  private readonly lists: PostingLists;
  private counts = new Uint8Array(0);

  constructor(options: TokenPostingsOptions = {}) {
    this.tokens = new TokenTable(options);
    this.lists = new PostingLists(options);
  }

  /** Distinct tokens, and bytes held by the packed lists (for the bench and tests). */
  get stats(): { tokens: number; listBytes: number } {
    return { tokens: this.tokens.size, listBytes: this.lists.bytes };
  }

  /** Indexes the row `ordinal` (ordinals only grow) by its lower-cased search text. */
  add(ordinal: number, haystack: string): void {
    const head = this.head;
    for (const token of haystack.split(/\s+/)) {
      if (!token) continue;
      const id = this.tokens.idOf(token);
      if (id === head.length) {
        head.push(ordinal);
        continue;
      }
      const h = head.get(id);
      // A token seen twice in this row already ends its postings with this ordinal (add skips the list's last row).
      if (h < 0) this.lists.add(-h - 1, ordinal);
      else if (h !== ordinal) head.set(id, -(this.lists.create(h, ordinal) + 1));
    }
  }

  /**
   * Ordinals (ascending) of the rows whose text holds every word. `textOf` gives a row's search text: once a word leaves few
   * candidate rows, the others are checked against those rows' text, not by walking the postings of common words.
   */
  match(words: readonly string[], rowCount: number, textOf: (ordinal: number) => string): Int32Array {
    const byRarity = words.map((word) => {
      const ids = this.tokensHolding(word);
      let size = 0;
      for (const id of ids) size += this.rowsOf(id);
      return { word, ids, size };
    });
    byRarity.sort((a, b) => a.size - b.size);
    const rarest = byRarity[0];
    if (!rarest || rarest.size === 0) return new Int32Array(0);
    // counts[o] === k: row o holds the k words matched so far. Reused between searches and cleared after: a fresh megabyte
    // per search (and per keystroke) adds up to the external memory that makes V8 run a full collection of a heap holding a
    // million events, which cost a search hundreds of milliseconds now and then.
    if (this.counts.length < rowCount) this.counts = new Uint8Array(Math.max(rowCount, this.counts.length * 2));
    const counts = this.counts;
    let candidates = 0;
    for (const id of rarest.ids) candidates += this.bump(id, 0, counts);
    for (let k = 1; k < byRarity.length; k++) {
      const { word, ids, size } = byRarity[k]!;
      if (candidates <= FEW_ROWS && candidates < size) {
        candidates = 0;
        for (let o = 0; o < rowCount; o++) {
          if (counts[o] !== k) continue;
          if (textOf(o).includes(word)) {
            counts[o] = k + 1;
            candidates++;
          }
        }
        continue;
      }
      candidates = 0;
      for (const id of ids) candidates += this.bump(id, k, counts);
    }
    const out = new Int32Array(candidates);
    let n = 0;
    const all = byRarity.length;
    for (let o = 0; o < rowCount && n < candidates; o++) if (counts[o] === all) out[n++] = o;
    counts.fill(0, 0, rowCount);
    return out;
  }

  /** How many rows hold token `id`. */
  private rowsOf(id: number): number {
    const h = this.head.get(id);
    return h >= 0 ? 1 : this.lists.countOf(-h - 1);
  }

  /** For the rows holding token `id` whose counts[row] is k: sets it to k + 1; answers how many were. */
  private bump(id: number, k: number, counts: Uint8Array): number {
    const h = this.head.get(id);
    if (h < 0) return this.lists.bump(-h - 1, k, counts);
    if (counts[h] !== k) return 0;
    counts[h] = k + 1;
    return 1;
  }

  /** The ids of every token that holds `word`. */
  private tokensHolding(word: string): number[] {
    const text = this.tokens.joined();
    const size = this.tokens.size;
    const ids: number[] = [];
    let from = 0;
    let id = 0;
    for (;;) {
      const at = text.indexOf(word, from);
      if (at < 0) break;
      // Hits come in order: the token holding this one is at or after the last token found.
      id = this.tokens.idAt(at, id);
      ids.push(id);
      // Next search from the next token: this one is counted once however often it holds the word.
      if (++id >= size) break;
      from = this.tokens.startOf(id);
    }
    return ids;
  }
}
