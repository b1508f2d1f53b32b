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
