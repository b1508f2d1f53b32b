// Hand-edited drafts are not overwritten by new events: they count them, and merge them on request.
import { describe, expect, it } from 'vitest';
import { editFrom, effectiveDraft, mergeNewFacts } from './draft-state';

const v1 = '**Investigating** — Checkout\n\n**Customer impact:** EU shoppers';
const v2 = '**Identified** — Checkout\n\n**Customer impact:** EU shoppers\n\n**What we are doing:** Rolling back';
const at = (generated: string, lastSeq: number, factSeqs: number[]) => ({ source: generated, origin: 'generated' as const, generated, lastSeq, factSeqs, factSeqsLeftOut: 0 });

describe('effectiveDraft', () => {
  it('follows the facts while nothing is written by hand', () => {
    expect(effectiveDraft(at(v1, 3, [2]), undefined)).toMatchObject({ text: v1, handEdited: false, newEvents: 0 });
    expect(effectiveDraft(at(v2, 6, [2, 5, 6]), undefined)).toMatchObject({ text: v2, handEdited: false });
  });

  it('keeps hand-written words when events arrive, counts them, and merges on request', () => {
    const edit = editFrom(effectiveDraft(at(v1, 3, [2]), undefined), v1.replace('EU shoppers', 'Shoppers in the EU cannot pay'));
    const later = at(v2, 6, [2, 5, 6]);
    const shown = effectiveDraft(later, edit);
    expect(shown).toMatchObject({ text: edit.text, handEdited: true, newEvents: 2, unsaved: true });
    const merged = mergeNewFacts(later, shown)!;
    expect(merged.text).toBe('**Identified** — Checkout\n\n**Customer impact:** Shoppers in the EU cannot pay\n\n**What we are doing:** Rolling back');
    expect(effectiveDraft(later, merged)).toMatchObject({ handEdited: true, newEvents: 0 });
  });

  it('treats a saved hand-edited draft the same way, from the base it was saved with', () => {
    const saved = { source: 'My words', origin: 'draft' as const, base: v1, basedOnSeq: 3, generated: v2, lastSeq: 6, factSeqs: [2, 5, 6], factSeqsLeftOut: 0 };
    expect(effectiveDraft(saved, undefined)).toMatchObject({ text: 'My words', handEdited: true, newEvents: 2, unsaved: false });
  });

  it('says "at least" when the draft is older than the newest facts the core sent', () => {
    // The core sent the newest 3 of 5 facts after the previous update (seqs 12, 15, 20), and left 2 older ones out.
    const cut = { ...at(v2, 20, [12, 15, 20]), factSeqsLeftOut: 2 };
    const editedAt = (basedOnSeq: number) => effectiveDraft(cut, { text: 'My words', base: v1, basedOnSeq });
    expect(editedAt(4)).toMatchObject({ newEvents: 3, newEventsAtLeast: true });
    // From a basis at or after the first sent seq every newer fact was sent: the count is exact.
    expect(editedAt(12)).toMatchObject({ newEvents: 2, newEventsAtLeast: false });
    expect(editedAt(20)).toMatchObject({ newEvents: 0, newEventsAtLeast: false });
    // Nothing left out: exact whatever the basis.
    expect(effectiveDraft({ ...cut, factSeqsLeftOut: 0 }, { text: 'My words', base: v1, basedOnSeq: 4 })).toMatchObject({ newEvents: 3, newEventsAtLeast: false });
  });
});
