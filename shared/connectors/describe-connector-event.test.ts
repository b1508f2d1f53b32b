// Tests for the timeline lines of connector and outbox events, including the remote time of imported items.
import { describe, expect, it } from 'vitest';
import { IncidentEvent } from '../events';
import { toTimelineEntry } from '../timeline/describe-event';

const event = (type: string, payload: Record<string, unknown>) => IncidentEvent.parse({ v: 1, seq: 3, ts: '2026-11-25T12:10:00.000Z', actor: 'pagerduty', type, payload });

describe('connector and outbox events on the timeline', () => {
  it('describes imported PagerDuty log entries with when they really happened', () => {
    const entry = toTimelineEntry(event('pagerduty.log_entry_imported', { pdIncidentId: 'PINC01', entryId: 'L1', entryType: 'acknowledge_log_entry', summary: 'Acknowledged by Dana', createdAt: '2026-11-25T12:01:00Z' }));
    expect(entry).toMatchObject({ source: 'pages', text: 'PagerDuty: Acknowledged by Dana', happenedAt: '2026-11-25T12:01:00.000Z' });
  });

  it('tells created and linked Jira issues apart', () => {
    expect(toTimelineEntry(event('jira.issue_linked', { issueKey: 'OPS-2', summary: 'Canary alert', status: 'created', url: 'u', created: true, actionItem: true })).text).toBe(
      'Created Jira action item OPS-2: Canary alert',
    );
    expect(toTimelineEntry(event('jira.issue_linked', { issueKey: 'OPS-1', summary: 'Checkout', status: 'To Do', url: 'u' })).text).toBe('Linked Jira OPS-1: Checkout (To Do)');
  });

  it('says when an outbox write found its earlier copy instead of sending twice', () => {
    const entry = toTimelineEntry(event('outbox.sent', { intentKey: 'ob_abcdefgh1234', remoteId: '10001', foundExisting: true }));
    expect(entry).toMatchObject({ source: 'outbox', text: 'Sent ob_abcdefgh1 → 10001 (found the earlier copy; not sent twice)' });
  });
});
