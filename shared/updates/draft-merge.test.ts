// The merge of regenerated facts into a hand-edited draft: untouched sections refresh, edited ones keep every word.
import { describe, expect, it } from 'vitest';
import { mergeFacts, sections } from './draft-merge';

const base = [
  '**[SEV1] Payments declines — Investigating**',
  'Ongoing for 5 min (since 2026-11-25 12:00 UTC).',
  '**Customer impact:** EU card payments — 30% declined',
  '**Since the last update:**\n- 12:02 UTC — Decision: fail over',
  'Next update by 12:25 UTC, or sooner if anything changes.',
].join('\n\n');

const theirs = [
  '**[SEV1] Payments declines — Identified**',
  'Ongoing for 9 min (since 2026-11-25 12:00 UTC).',
  '**Customer impact:** EU card payments — 30% declined',
  '**What we are doing:** Failing over to the backup acquirer',
  '**Since the last update:**\n- 12:02 UTC — Decision: fail over\n- 12:08 UTC — Status Investigating → Identified',
  'Next update by 12:29 UTC, or sooner if anything changes.',
].join('\n\n');

describe('mergeFacts', () => {
  it('refreshes untouched sections, keeps edited words, appends new fact lines and inserts new sections in place', () => {
    const ours = base
      .replace('EU card payments — 30% declined', 'About a third of EU card payments are declined; retries usually succeed.')
      .replace('- 12:02 UTC — Decision: fail over', '- 12:02 UTC — We decided to fail over to our backup payment provider.')
      .concat('\n\nThanks to the payments team for the quick response.');
    const { text, updated } = mergeFacts(base, ours, theirs);
    expect(text).toBe(
      [
        '**[SEV1] Payments declines — Identified**',
        'Ongoing for 9 min (since 2026-11-25 12:00 UTC).',
        '**Customer impact:** About a third of EU card payments are declined; retries usually succeed.',
        '**What we are doing:** Failing over to the backup acquirer',
        '**Since the last update:**\n- 12:02 UTC — We decided to fail over to our backup payment provider.\n- 12:08 UTC — Status Investigating → Identified',
        'Next update by 12:29 UTC, or sooner if anything changes.',
        'Thanks to the payments team for the quick response.',
      ].join('\n\n'),
    );
    expect(updated).toEqual(['§headline', 'ongoing for', 'since the last update', 'next update', 'what we are doing']);
  });

  it('keeps a section the commander deleted deleted, and drops untouched sections the facts no longer carry', () => {
    const ours = base.replace('\n\n**Customer impact:** EU card payments — 30% declined', '');
    const noChanges = theirs.replace(/\n\n\*\*Since the last update:\*\*[^]*?(?=\n\nNext)/, '');
    const { text } = mergeFacts(base, ours, noChanges);
    expect(text).not.toContain('Customer impact');
    expect(text).not.toContain('Since the last update');
    expect(text).toContain('**What we are doing:**');
  });

  it('is the regenerated text when nothing was edited', () => {
    expect(mergeFacts(base, base, theirs).text).toBe(theirs);
  });

  it('labels sections by what precedes ": " or their first two words', () => {
    expect(sections(base).map((s) => s.key)).toEqual(['§headline', 'ongoing for', 'customer impact', 'since the last update', 'next update']);
  });
});
