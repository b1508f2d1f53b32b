// Hand-edited drafts are not overwritten by new events: they count them, and merge them on request.
import { describe, expect, it } from 'vitest';
import { editFrom, effectiveDraft, mergeNewFacts } from './draft-state';

const v1 = '**Investigating** — Checkout\n\n**Customer impact:** EU shoppers';
const v2 = '**Identified** — Checkout\n\n**Customer impact:** EU shoppers\n\n**What we are doing:** Rolling back';
const at = (generated: string, lastSeq: number, factSeqs: number[]) => ({ source: generated, origin: 'generated' as const, generated, lastSeq, factSeqs });

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
    const saved = { source: 'My words', origin: 'draft' as const, base: v1, basedOnSeq: 3, generated: v2, lastSeq: 6, factSeqs: [2, 5, 6] };
    expect(effectiveDraft(saved, undefined)).toMatchObject({ text: 'My words', handEdited: true, newEvents: 2, unsaved: false });
  });
});
