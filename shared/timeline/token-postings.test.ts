import fc from 'fast-check';
import { expect, it } from 'vitest';
import { TokenPostings } from './token-postings';

// Texts from a small alphabet, so words fall inside, across and at the edges of tokens, and many rows share tokens.
const textArb = fc.array(fc.constantFrom('ab', 'abc', 'b', 'ca', 'shard', 'shards', '12', '123', '7', 'x-y', '→'), { maxLength: 6 }).map((w) => w.join(' '));
const wordArb = fc.constantFrom('a', 'b', 'ab', 'bc', 'abc', 'shard', 'hard', 'ds', '1', '23', '7', '-', '→', 'zz');

it('finds exactly the rows whose text holds every word (as a substring filter does), after any appends', () => {
  fc.assert(
    fc.property(fc.array(textArb, { maxLength: 3000 }), fc.array(wordArb, { minLength: 1, maxLength: 3 }), fc.nat(), (texts, words, cut) => {
      const postings = new TokenPostings();
      const check = (count: number) => {
        const want = texts.slice(0, count).flatMap((t, o) => (words.every((w) => t.includes(w)) ? [o] : []));
        expect([...postings.match(words, count, (o) => texts[o]!)]).toEqual(want);
      };
      const first = texts.length === 0 ? 0 : cut % (texts.length + 1);
      texts.slice(0, first).forEach((t, o) => postings.add(o, t));
      check(first);
      // Appends after a search extend the joined dictionary it built.
      texts.slice(first).forEach((t, i) => postings.add(first + i, t));
      check(texts.length);
    }),
    { numRuns: 150 },
  );
});

it('answers the same across chunk, block and flush edges, with rows far apart (multi-byte gaps) and many distinct tokens', () => {
  // Tiny chunks and blocks, and a flush every 3 new tokens, so a few hundred rows cross every edge the packed form has.
  const rowsArb = fc.uniqueArray(fc.nat({ max: 3_000_000 }), { maxLength: 400 }).map((rows) => rows.sort((a, b) => a - b));
  const tokenArb = fc.constantFrom('alpha', 'beta', 'gamma', 'ab', 'é', 'shard-7', '7');
  fc.assert(
    fc.property(rowsArb, fc.array(fc.array(tokenArb, { maxLength: 4 }), { maxLength: 400 }), wordArb, (rows, picks, word) => {
      const postings = new TokenPostings({ chunkBytes: 64, maxBlockBytes: 32, flushEvery: 3 });
      const texts = new Map<number, string>();
      rows.forEach((row, i) => {
        // Each row also holds a token of its own (numbers: unique, as seqs and ids are in a real log).
        const text = [...(picks[i] ?? []), `${row}:`, ...(picks[i] ?? [])].join(' ');
        texts.set(row, text);
        postings.add(row, text);
      });
      // Each distinct token numbered once (found again through the hash table, flushed or not).
      expect(postings.stats.tokens).toBe(new Set([...texts.values()].flatMap((t) => t.split(' '))).size);
      const rowCount = (rows.at(-1) ?? -1) + 1;
      const want = rows.filter((row) => texts.get(row)!.includes(word));
      expect([...postings.match([word], rowCount, (o) => texts.get(o) ?? '')]).toEqual(want);
      // A row's own number finds that row (tokens found through the hash table and the joined text after flushes).
      const probe = rows[Math.floor(rows.length / 2)];
      if (probe !== undefined) expect([...postings.match([`${probe}:`], rowCount, (o) => texts.get(o) ?? '')]).toContain(probe);
    }),
    { numRuns: 100 },
  );
});
