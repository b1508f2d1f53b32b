// Tests for the reminder selection the updates pane shows (and may raise as an OS notification).
import { describe, expect, it } from 'vitest';
import type { CadenceStatusOutput } from '../../../../shared/ipc/updates';
import { activeReminders, countdownText, reminderKey } from './reminders';

const at = (iso: string) => Date.parse(iso);
const cadence: CadenceStatusOutput = {
  severity: 'SEV1',
  resolved: false,
  at: '2026-11-25T12:00:00.000Z',
  audiences: [
    { audience: 'executives', state: 'scheduled', dueAt: '2026-11-25T12:05:00.000Z', reason: '', acknowledged: false },
    { audience: 'customers', state: 'scheduled', dueAt: '2026-11-25T12:04:30.000Z', reason: '', acknowledged: false },
    { audience: 'support', state: 'scheduled', dueAt: '2026-11-25T12:03:00.000Z', reason: '', acknowledged: true },
    { audience: 'engineers', state: 'off', reason: '', acknowledged: false },
  ],
};

describe('activeReminders', () => {
  it('shows nothing while every update is more than a minute away', () => {
    expect(activeReminders(cadence, at('2026-11-25T12:02:00.000Z'))).toEqual([]);
  });

  it('shows updates due within a minute and overdue ones, most urgent first, skipping acknowledged ones', () => {
    const reminders = activeReminders(cadence, at('2026-11-25T12:04:40.000Z'));
    expect(reminders).toEqual([
      { audience: 'customers', dueAt: '2026-11-25T12:04:30.000Z', overdue: true, text: 'overdue by 0:10' },
      { audience: 'executives', dueAt: '2026-11-25T12:05:00.000Z', overdue: false, text: 'due in 0:20' },
    ]);
    expect(reminderKey(reminders[0]!)).toBe('customers@2026-11-25T12:04:30.000Z');
  });

  it('works without cadence data', () => {
    expect(activeReminders(undefined, 0)).toEqual([]);
  });
});

describe('countdownText', () => {
  it('counts down to the due time and then up as overdue', () => {
    expect(countdownText('2026-11-25T12:05:00.000Z', at('2026-11-25T12:00:00.000Z'))).toEqual({ text: 'due in 5:00', overdue: false });
    expect(countdownText('2026-11-25T12:05:00.000Z', at('2026-11-25T12:06:01.000Z'))).toEqual({ text: 'overdue by 1:01', overdue: true });
  });
});
