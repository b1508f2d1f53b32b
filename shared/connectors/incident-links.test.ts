// Tests for the incident ↔ Jira / PagerDuty link projection and the intent marker.
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../events';
import { projectLinks } from './incident-links';
import { findIntentKey, hasIntentMarker, markerFooter } from './intent-marker';

let seq = 0;
const ev = (type: string, payload: Record<string, unknown>) => ({ v: 1, seq: ++seq, ts: '2026-11-25T12:00:00.000Z', actor: 'ic', type, payload }) as unknown as IncidentEvent;

describe('projectLinks', () => {
  it('collects linked issues, the PagerDuty incident and what was imported', () => {
    const links = projectLinks([
      ev('jira.issue_linked', { issueKey: 'OPS-1', summary: 's', status: 'To Do', url: 'u', created: false }),
      ev('jira.status_seen', { issueKey: 'OPS-1', from: 'To Do', to: 'In Progress' }),
      ev('jira.comment_imported', { issueKey: 'OPS-1', commentId: '7', author: 'a', text: 't' }),
      ev('pagerduty.incident_linked', { pdIncidentId: 'PINC01', title: 'x', status: 'triggered' }),
      ev('pagerduty.log_entry_imported', { pdIncidentId: 'PINC01', entryId: 'L1', entryType: 'acknowledge_log_entry', summary: 'ack', createdAt: '2026-11-25T12:00:00Z' }),
    ]);
    expect(links.jiraIssues).toEqual([{ issueKey: 'OPS-1', summary: 's', status: 'In Progress', url: 'u', created: false, actionItem: false }]);
    expect(links.pagerDuty).toMatchObject({ pdIncidentId: 'PINC01', status: 'acknowledged' });
    expect([...links.imported].sort()).toEqual(['OPS-1/7', 'PINC01/L1']);
  });

  it('moves the PagerDuty status when an acknowledge/resolve write is sent', () => {
    const links = projectLinks([
      ev('pagerduty.incident_linked', { pdIncidentId: 'PINC01', title: 'x', status: 'triggered' }),
      ev('outbox.intent_queued', { intentKey: 'ob_resolve1', operation: { kind: 'pagerduty.set_status', pdIncidentId: 'PINC01', status: 'resolved' } }),
      ev('outbox.sent', { intentKey: 'ob_resolve1', foundExisting: false }),
    ]);
    expect(links.pagerDuty?.status).toBe('resolved');
  });
});

describe('intent marker', () => {
  it('round-trips through a footer', () => {
    const text = `Rolled back\n\n${markerFooter('ob_Xy-z_123456')}`;
    expect(findIntentKey(text)).toBe('ob_Xy-z_123456');
    expect(hasIntentMarker(text, 'ob_Xy-z_123456')).toBe(true);
    expect(hasIntentMarker(text, 'ob_other_12345')).toBe(false);
    expect(hasIntentMarker(text, 'ob_Xy-z_1234')).toBe(false);
    expect(hasIntentMarker(`> ${markerFooter('ob_quoted_1234')}\n${text}`, 'ob_Xy-z_123456')).toBe(true);
  });

  it('finds keys that end in "-" (base64url), as the footer closes them with ")"', () => {
    const text = `Mitigated\n\n${markerFooter('ob_3_lvVyeGIDQNGvN-')}`;
    expect(findIntentKey(text)).toBe('ob_3_lvVyeGIDQNGvN-');
    expect(hasIntentMarker(text, 'ob_3_lvVyeGIDQNGvN-')).toBe(true);
    expect(hasIntentMarker(text, 'ob_3_lvVyeGIDQNGvN')).toBe(false);
  });
});
