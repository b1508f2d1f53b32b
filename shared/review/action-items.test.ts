import { describe, expect, it } from 'vitest';
import { actionItemsOf } from './action-items';

describe('actionItemsOf', () => {
  it('takes unchecked items under the Action items heading only, skipping placeholders', () => {
    const md = ['# Review', '- [ ] not an action item', '## Action items', '- [ ] Add handshake-rate alert', '* [ ] Pin client defaults  ', '- [x] done already', '- [ ] _…_', '## Other', '- [ ] elsewhere'].join('\n');
    expect(actionItemsOf(md)).toEqual(['Add handshake-rate alert', 'Pin client defaults']);
  });

  it('ignores headings and items inside code blocks', () => {
    const md = ['## Action items', '- [ ] Real item', '```', '# not a heading', '- [ ] not an item', '```', '- [ ] Second real item'].join('\n');
    expect(actionItemsOf(md)).toEqual(['Real item', 'Second real item']);
  });
});
