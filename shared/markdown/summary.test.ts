// Tests of the one-line summary of an update: first sentence, markup stripped, long lines cut visibly.
import { describe, expect, it } from 'vitest';
import { toTimelineEntry } from '../timeline/describe-event';
import { incidentLog } from '../updates/incident-log.test-support';
import { firstSentence, SUMMARY_MAX } from './summary';

describe('firstSentence', () => {
  it('takes the first sentence of the first line, without Markdown', () => {
    expect(firstSentence('**[SEV1] Checkout** is _degraded_. More later.\n\nSecond paragraph.')).toBe('[SEV1] Checkout is degraded.');
    expect(firstSentence('**[SEV1] Login failures** — Investigating\n\nImpact: 30%.')).toBe('[SEV1] Login failures — Investigating');
  });

  it('keeps version numbers and URLs whole, and skips a table\'s rule', () => {
    expect(firstSentence('Rolled back to v1.2.3 at https://x.example/a.b now. Then more.')).toBe('Rolled back to v1.2.3 at https://x.example/a.b now.');
    expect(firstSentence('| Service | Status |\n|---|---|\n| a | b |')).toBe('Service | Status');
  });

  it('cuts a long first sentence with an ellipsis', () => {
    const long = firstSentence('word '.repeat(100));
    expect([...long]).toHaveLength(SUMMARY_MAX);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('a published update on the timeline', () => {
  it('is one line with audience, channels and first sentence, the whole Markdown kept as its detail', () => {
    const text = '**[SEV1] Checkout** — Mitigating\n\nImpact: EU.';
    const log = incidentLog('2026-11-25T12:00:00.000Z', { title: 'Checkout', severity: 'SEV1', commander: 'alice', services: ['checkout'] }).at(3, {
      type: 'update.published',
      payload: { audience: 'customers', channel: 'clipboard', text },
    });
    const entry = toTimelineEntry(log.events[1]!);
    expect(entry.text).toBe('Update to customers via clipboard: [SEV1] Checkout — Mitigating');
    expect(entry.detail).toBe(text);
  });
});
