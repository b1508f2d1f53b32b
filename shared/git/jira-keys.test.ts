// Tests for Jira key extraction from commit messages.
import { describe, expect, it } from 'vitest';
import { jiraKeysIn, splitJiraKeys } from './jira-keys';

describe('jiraKeysIn', () => {
  it('finds distinct keys in order and ignores lower-case or digit-led lookalikes', () => {
    expect(jiraKeysIn('PAY-12 fix retry (see PAY-12, OPS2-7); not pay-3 or 9X-1 or UTF-8x')).toEqual(['PAY-12', 'OPS2-7']);
    expect(jiraKeysIn('Merge branch main')).toEqual([]);
  });
  it('splits text around keys so they can be rendered as links', () => {
    expect(splitJiraKeys('Revert PAY-9: bad cache')).toEqual([{ text: 'Revert ' }, { text: 'PAY-9', jiraKey: 'PAY-9' }, { text: ': bad cache' }]);
  });
});
