// Search for the timeline index: which rows' search text holds every word of a search, as filterTimeline decides it (a word
// anywhere inside the text, so "shard" finds "shards"). Each row's text is split into whitespace-separated tokens, each token
// keeps the rows holding it (its postings), and the distinct tokens are also kept as one newline-joined string, so finding
// the tokens that hold a word is a native indexOf over a few megabytes instead of a test of every token (a million-event log
// has ~700k distinct tokens: that loop made a search cost 100–650 ms). Hand-written: search libraries rank and tokenise
// words; this must answer exactly what the substring filter answers.

/** Rows holding a word, at most this many, are checked against the other words by their text instead of by postings. */
const FEW_ROWS = 2000;

export class TokenPostings {
  private readonly idOf = new Map<string, number>();
  private readonly tokens: string[] = [];
  private readonly postings: number[][] = [];
  /** The distinct tokens, newline-joined (tokens hold no whitespace), and where each starts; extended when searched. */
  private joined = '';
  private readonly starts: number[] = [];
  private counts = new Uint8Array(0);

  /** Indexes the row `ordinal` (ordinals only grow) by its lower-cased search text. */
  add(ordinal: number, haystack: string): void {
    for (const token of haystack.split(/\s+/)) {
      if (!token) continue;
      const id = this.idOf.get(token);
      if (id === undefined) {
        this.idOf.set(token, this.postings.length);
        this.tokens.push(token);
        this.postings.push([ordinal]);
        continue;
      }
      const list = this.postings[id]!;
      // A token seen twice in this row already ends its list with this ordinal.
      if (list[list.length - 1] !== ordinal) list.push(ordinal);
    }
  }

  /**
   * Ordinals (ascending) of the rows whose text holds every word. `textOf` gives a row's search text: once a word leaves few
   * candidate rows, the others are checked against those rows' text, not by walking the postings of common words.
   */
  match(words: readonly string[], rowCount: number, textOf: (ordinal: number) => string): Int32Array {
    const byRarity = words.map((word) => ({ word, lists: this.listsHolding(word) })).map((w) => ({ ...w, size: w.lists.reduce((n, l) => n + l.length, 0) }));
    byRarity.sort((a, b) => a.size - b.size);
    const rarest = byRarity[0];
    if (!rarest || rarest.size === 0) return new Int32Array(0);
    // counts[o] === k: row o holds the k words matched so far. Reused between searches and cleared after: a fresh megabyte
    // per search (and per keystroke) adds up to the external memory that makes V8 run a full collection of a heap holding a
    // million events, which cost a search hundreds of milliseconds now and then.
    if (this.counts.length < rowCount) this.counts = new Uint8Array(Math.max(rowCount, this.counts.length * 2));
    const counts = this.counts;
    let candidates = 0;
    for (const list of rarest.lists) {
      for (const o of list) {
        if (counts[o] === 0) candidates++;
        counts[o] = 1;
      }
    }
    for (let k = 1; k < byRarity.length; k++) {
      const { word, lists, size } = byRarity[k]!;
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
      for (const list of lists) {
        for (const o of list) {
          if (counts[o] === k) {
            counts[o] = k + 1;
            candidates++;
          }
        }
      }
    }
    const out = new Int32Array(candidates);
    let n = 0;
    const all = byRarity.length;
    for (let o = 0; o < rowCount && n < candidates; o++) if (counts[o] === all) out[n++] = o;
    counts.fill(0, 0, rowCount);
    return out;
  }

  /** The postings of every token that holds `word`. */
  private listsHolding(word: string): number[][] {
    // A word of one or two characters sits in a large share of the tokens: testing each token is then cheaper than finding
    // each occurrence in the joined string and the token it falls in.
    if (word.length <= 2) {
      const lists: number[][] = [];
      const tokens = this.tokens;
      for (let id = 0; id < tokens.length; id++) if (tokens[id]!.includes(word)) lists.push(this.postings[id]!);
      return lists;
    }
    const exact = this.idOf.get(word);
    this.extendJoined();
    const lists: number[][] = [];
    const text = this.joined;
    const starts = this.starts;
    let from = 0;
    for (;;) {
      const at = text.indexOf(word, from);
      if (at < 0) break;
      const id = lastAtOrBefore(starts, at);
      if (id !== exact) lists.push(this.postings[id]!);
      // Next search from the next token: this one is counted once however often it holds the word.
      from = id + 1 < starts.length ? starts[id + 1]! : text.length;
    }
    if (exact !== undefined) lists.push(this.postings[exact]!);
    return lists;
  }

  private extendJoined(): void {
    const have = this.starts.length;
    if (have === this.postings.length) return;
    const fresh = this.tokens.slice(have);
    let at = this.joined.length + (have > 0 ? 1 : 0);
    for (const token of fresh) {
      this.starts.push(at);
      at += token.length + 1;
    }
    this.joined = have > 0 ? `${this.joined}\n${fresh.join('\n')}` : fresh.join('\n');
  }
}

/** Index of the last start at or before `at` (starts ascending, starts[0] = 0). */
function lastAtOrBefore(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
