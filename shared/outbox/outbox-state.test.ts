// Tests for the outbox projection (pending / in doubt / failed / sent / cancelled).
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../events';
import { describeRetry, isDue, projectOutbox } from './outbox-state';

let seq = 0;
const ev = (type: string, payload: Record<string, unknown>, ts = '2026-11-25T12:00:00.000Z') => ({ v: 1, seq: ++seq, ts, actor: 'ic', type, payload }) as unknown as IncidentEvent;
const queued = (intentKey: string) => ev('outbox.intent_queued', { intentKey, operation: { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'hi' } });

describe('projectOutbox', () => {
  it('marks an attempt without outcome as in doubt (a crash mid-send)', () => {
    const [item] = projectOutbox('inc', [queued('ob_aaaaaaaa'), ev('outbox.attempted', { intentKey: 'ob_aaaaaaaa', attempt: 1 })]);
    expect(item).toMatchObject({ status: 'pending', attempts: 1, inDoubt: true, system: 'jira', description: 'Comment on OPS-1: hi' });
  });

  it('follows retryable and permanent failures, retry requests and cancellation', () => {
    const events = [
      queued('ob_bbbbbbbb'),
      ev('outbox.attempted', { intentKey: 'ob_bbbbbbbb', attempt: 1 }),
      ev('outbox.failed', { intentKey: 'ob_bbbbbbbb', attempt: 1, reason: 'HTTP 503', retryable: true, retryAt: '2026-11-25T12:00:10.000Z' }),
    ];
    const [pending] = projectOutbox('inc', events);
    expect(pending).toMatchObject({ status: 'pending', lastError: 'HTTP 503', retryAt: '2026-11-25T12:00:10.000Z', inDoubt: false });
    expect(isDue(pending!, Date.parse('2026-11-25T12:00:05Z'))).toBe(false);
    expect(isDue(pending!, Date.parse('2026-11-25T12:00:10Z'))).toBe(true);
    events.push(ev('outbox.failed', { intentKey: 'ob_bbbbbbbb', attempt: 2, reason: 'HTTP 404', retryable: false }));
    expect(projectOutbox('inc', events)[0]).toMatchObject({ status: 'failed', lastError: 'HTTP 404' });
    events.push(ev('outbox.retry_requested', { intentKey: 'ob_bbbbbbbb' }));
    expect(projectOutbox('inc', events)[0]).toMatchObject({ status: 'pending', resendConfirmed: true });
    events.push(ev('outbox.cancelled', { intentKey: 'ob_bbbbbbbb', reason: 'wrong issue' }));
    expect(projectOutbox('inc', events)[0]!.status).toBe('cancelled');
  });

  it('keeps one "failing since" through an outage and knows when a resend needs no check first', () => {
    const k = 'ob_ffffffff';
    const events = [
      queued(k),
      ev('outbox.failed', { intentKey: k, attempt: 1, reason: 'ECONNREFUSED', retryable: true, retryAt: '2026-11-25T12:00:02.000Z', notSent: true }, '2026-11-25T12:00:01.000Z'),
    ];
    expect(projectOutbox('inc', events)[0]).toMatchObject({ status: 'pending', attempts: 1, failingSince: '2026-11-25T12:00:01.000Z', checkBeforeResend: false });
    events.push(ev('outbox.failed', { intentKey: k, attempt: 2, reason: 'timeout', retryable: true, retryAt: '2026-11-25T12:00:09.000Z' }, '2026-11-25T12:00:05.000Z'));
    expect(projectOutbox('inc', events)[0]).toMatchObject({ attempts: 2, failingSince: '2026-11-25T12:00:01.000Z', checkBeforeResend: true });
    events.push(ev('outbox.sent', { intentKey: k, foundExisting: true, attempts: 3 }));
    const sent = projectOutbox('inc', events)[0]!;
    expect(sent).toMatchObject({ status: 'sent', attempts: 3, checkBeforeResend: false });
    expect(sent.failingSince).toBeUndefined();
    expect(describeRetry({ status: 'pending', attempts: 2, retryAt: '2026-11-25T12:00:41.000Z' }, Date.parse('2026-11-25T12:00:01.000Z'))).toBe('retrying in 40 s (attempt 3)');
  });

  it('never lets a settled write change again', () => {
    const events = [queued('ob_cccccccc'), ev('outbox.sent', { intentKey: 'ob_cccccccc', remoteId: '100', foundExisting: false }), ev('outbox.failed', { intentKey: 'ob_cccccccc', attempt: 2, reason: 'late', retryable: false }), ev('outbox.cancelled', { intentKey: 'ob_cccccccc' })];
    expect(projectOutbox('inc', events)[0]).toMatchObject({ status: 'sent', remoteId: '100' });
  });

  it('ignores outcomes for unknown intents and keeps queue order', () => {
    const items = projectOutbox('inc', [queued('ob_dddddddd'), ev('outbox.sent', { intentKey: 'ob_unknown1', foundExisting: false }), queued('ob_eeeeeeee')]);
    expect(items.map((i) => i.intentKey)).toEqual(['ob_dddddddd', 'ob_eeeeeeee']);
  });
});
