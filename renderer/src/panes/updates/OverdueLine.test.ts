// The one-line summary of due and overdue updates.
import { describe, expect, it } from 'vitest';
import { overdueSummary } from './OverdueLine';

const labels = { executives: 'Executives', customers: 'Customers', support: 'Support', engineers: 'Engineering' };
const r = (audience: keyof typeof labels, overdue: boolean, text: string) => ({ audience, dueAt: '2026-03-01T10:05:00.000Z', overdue, text });

describe('overdueSummary', () => {
  it('names a single audience, counts several, and keeps overdue and due-soon apart', () => {
    expect(overdueSummary([r('support', true, 'overdue by 1:05')], labels)).toBe('Update to Support overdue by 1:05');
    expect(overdueSummary([r('executives', true, 'overdue by 2:00'), r('customers', true, 'overdue by 2:00'), r('support', true, 'overdue by 1:00')], labels)).toBe('3 updates overdue');
    expect(overdueSummary([r('executives', true, 'overdue by 2:00'), r('customers', true, 'overdue by 2:00'), r('support', false, 'due in 0:30')], labels)).toBe(
      '2 updates overdue, update to Support due in 0:30',
    );
    expect(overdueSummary([r('executives', false, 'due in 0:40'), r('support', false, 'due in 0:40')], labels)).toBe('2 updates due within a minute');
  });
});
