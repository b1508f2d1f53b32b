// The fact seqs a draft answer carries: after the basis, the newest by seq even when fold order is not seq order.
import { describe, expect, it } from 'vitest';
import { draftFactSeqs, MAX_DRAFT_FACT_SEQS } from './draft-fact-seqs';

describe('draftFactSeqs', () => {
  it('sends every fact after the basis, in fold order, when they fit', () => {
    expect(draftFactSeqs(Int32Array.from([3, 9, 5, 12, 7]), 5)).toEqual({ factSeqs: [9, 12, 7], factSeqsLeftOut: 0 });
    expect(draftFactSeqs([], 0)).toEqual({ factSeqs: [], factSeqsLeftOut: 0 });
  });

  it('keeps the highest seqs when cut, so a count from any basis at or above the lowest sent is exact', () => {
    // A team merge order: a block of low (offline) seqs folded after higher ones.
    const foldOrder = [1, 2, 10, 11, 12, 3, 4, 5, 13];
    const cut = draftFactSeqs(foldOrder, 1, 4);
    expect(cut).toEqual({ factSeqs: [10, 11, 12, 13], factSeqsLeftOut: 4 });
    for (const basis of [10, 11, 12, 13]) expect(cut.factSeqs.filter((s) => s > basis).length).toBe(foldOrder.filter((s) => s > basis).length);
  });

  it('cuts at MAX_DRAFT_FACT_SEQS by default', () => {
    const all = Int32Array.from({ length: 5000 }, (_, i) => i + 1);
    const { factSeqs, factSeqsLeftOut } = draftFactSeqs(all, 1000);
    expect(factSeqs).toHaveLength(MAX_DRAFT_FACT_SEQS);
    expect([factSeqs[0], factSeqs.at(-1), factSeqsLeftOut]).toEqual([3001, 5000, 4000 - MAX_DRAFT_FACT_SEQS]);
  });
});
