// In-memory full-text index over the runbook library: prefix and one-typo matching, ranked title > tags/services > body.
import { deletionsOf, editDistance, termsOf, typoBudget } from './search-terms';

export interface SearchableRunbook {
  id: string;
  title: string;
  /** Tags, services and owners: matched with the second-highest weight. */
  labels: readonly string[];
  body: string;
}

export type MatchField = 'title' | 'labels' | 'body';

export interface SearchHit {
  id: string;
  score: number;
  /** The best field each query word matched in, strongest first. */
  matchedIn: MatchField[];
}

const FIELD_WEIGHT: Record<MatchField, number> = { title: 10, labels: 5, body: 1 };
const FIELDS: MatchField[] = ['title', 'labels', 'body'];
const FIELD_BIT: Record<MatchField, number> = { title: 1, labels: 2, body: 4 };
/** How much a match counts by its kind: the word itself, a word it begins, or a word one typo away. */
const EXACT = 1;
const PREFIX = 0.8;
const TYPO = 0.6;
/** Short prefixes expand to many words; the shortest ones (closest to what was typed) are kept. */
const MAX_PREFIX_EXPANSION = 200;

interface Posting {
  doc: number;
  /** Field weight of the strongest field the term is in, plus a small bonus for repeated body mentions. */
  weight: number;
  field: MatchField;
}

export class RunbookSearchIndex {
  private readonly ids: string[] = [];
  private readonly postings = new Map<string, Posting[]>();
  /** Distinct terms sorted, for prefix ranges by binary search. */
  private sortedTerms: string[] = [];
  /** One-deletion neighbourhood of every term → the terms it came from. */
  private readonly deletions = new Map<string, string[]>();

  constructor(runbooks: readonly SearchableRunbook[]) {
    runbooks.forEach((r, doc) => this.add(r, doc));
    this.sortedTerms = [...this.postings.keys()].sort();
    for (const term of this.sortedTerms) {
      if (typoBudget(term.length) === 0) continue;
      for (const d of deletionsOf(term)) {
        const list = this.deletions.get(d);
        if (list) list.push(term);
        else this.deletions.set(d, [term]);
      }
    }
  }

  get size(): number {
    return this.ids.length;
  }

  private add(runbook: SearchableRunbook, doc: number): void {
    this.ids.push(runbook.id);
    const best = new Map<string, Posting>();
    const bodyCounts = new Map<string, number>();
    const texts: Record<MatchField, string> = { title: runbook.title, labels: runbook.labels.join(' '), body: runbook.body };
    for (const field of FIELDS) {
      for (const term of termsOf(texts[field])) {
        if (field === 'body') bodyCounts.set(term, (bodyCounts.get(term) ?? 0) + 1);
        const current = best.get(term);
        if (!current || FIELD_WEIGHT[field] > current.weight) best.set(term, { doc, weight: FIELD_WEIGHT[field], field });
      }
    }
    for (const [term, posting] of best) {
      const mentions = bodyCounts.get(term) ?? 0;
      posting.weight += Math.min(0.5, Math.log2(1 + mentions) / 10);
      const list = this.postings.get(term);
      if (list) list.push(posting);
      else this.postings.set(term, [posting]);
    }
  }

  /** Indexed terms a query word matches, with how strongly each counts. */
  private expand(word: string): Map<string, number> {
    const out = new Map<string, number>();
    if (this.postings.has(word)) out.set(word, EXACT);
    let lo = 0;
    let hi = this.sortedTerms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sortedTerms[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    const prefixed: string[] = [];
    for (let i = lo; i < this.sortedTerms.length && this.sortedTerms[i]!.startsWith(word); i++) prefixed.push(this.sortedTerms[i]!);
    if (prefixed.length > MAX_PREFIX_EXPANSION) prefixed.sort((a, b) => a.length - b.length).length = MAX_PREFIX_EXPANSION;
    for (const term of prefixed) if (!out.has(term)) out.set(term, PREFIX * (0.75 + (0.25 * word.length) / term.length));
    if (typoBudget(word.length) > 0) {
      const candidates = new Set<string>(this.deletions.get(word) ?? []);
      for (const d of deletionsOf(word)) {
        if (this.postings.has(d)) candidates.add(d);
        for (const t of this.deletions.get(d) ?? []) candidates.add(t);
      }
      for (const term of candidates) {
        if (out.has(term) || editDistance(word, term, 1) > 1) continue;
        out.set(term, TYPO);
      }
    }
    return out;
  }

  /** Every query word must match (prefix or one typo away); results are ranked by summed field weight. */
  search(query: string, limit = 50): SearchHit[] {
    const words = [...new Set(termsOf(query))].slice(0, 12);
    if (words.length === 0 || this.ids.length === 0) return [];
    const n = this.ids.length;
    const total = new Float64Array(n);
    const matchedWords = new Uint8Array(n);
    /** Bit set of the fields each document matched in (bit i = FIELDS[i]). */
    const fieldBits = new Uint8Array(n);
    const perDoc = new Float64Array(n);
    const fieldOf = new Uint8Array(n);
    for (const word of words) {
      perDoc.fill(0);
      for (const [term, strength] of this.expand(word)) {
        for (const p of this.postings.get(term)!) {
          const score = p.weight * strength;
          if (score > perDoc[p.doc]!) {
            perDoc[p.doc] = score;
            fieldOf[p.doc] = FIELD_BIT[p.field];
          }
        }
      }
      for (let doc = 0; doc < n; doc++) {
        if (perDoc[doc]! === 0) continue;
        total[doc] = total[doc]! + perDoc[doc]!;
        matchedWords[doc] = matchedWords[doc]! + 1;
        fieldBits[doc] = fieldBits[doc]! | fieldOf[doc]!;
      }
    }
    const hits: SearchHit[] = [];
    for (let doc = 0; doc < n; doc++) {
      if (matchedWords[doc] !== words.length) continue;
      const matchedIn = FIELDS.filter((f) => (fieldBits[doc]! & FIELD_BIT[f]) !== 0);
      hits.push({ id: this.ids[doc]!, score: Math.round(total[doc]! * 1000) / 1000, matchedIn });
    }
    hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return hits.slice(0, limit);
  }
}
