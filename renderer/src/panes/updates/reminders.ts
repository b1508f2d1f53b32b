// Which stakeholder-update reminders to show, from the cadence projection and the renderer's clock (pure, unit-tested).
import type { Audience } from '../../../../shared/events';
import type { CadenceStatusOutput } from '../../../../shared/ipc/updates';
import { formatCountdown } from '../../../../shared/updates/cadence';

/** A reminder appears this long before an update is due. */
export const DUE_SOON_MS = 60_000;

export interface Reminder {
  audience: Audience;
  dueAt: string;
  overdue: boolean;
  /** "due in 0:42" or "overdue by 3:10". */
  text: string;
}

export function countdownText(dueAt: string, now: number): { text: string; overdue: boolean } {
  const ms = Date.parse(dueAt) - now;
  return ms < 0 ? { text: `overdue by ${formatCountdown(-ms)}`, overdue: true } : { text: `due in ${formatCountdown(ms)}`, overdue: false };
}

/** Reminders for updates due within a minute or overdue, unless the commander dismissed that due time; most urgent first. */
export function activeReminders(cadence: CadenceStatusOutput | undefined, now: number): Reminder[] {
  if (!cadence) return [];
  return cadence.audiences
    .filter((a) => a.dueAt && !a.acknowledged && (a.state === 'scheduled' || a.state === 'overdue') && Date.parse(a.dueAt) - now <= DUE_SOON_MS)
    .sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))
    .map((a) => ({ audience: a.audience, dueAt: a.dueAt!, ...countdownText(a.dueAt!, now) }));
}

/** Identity of a reminder for "notify once": a new due time is a new reminder. */
export const reminderKey = (r: Pick<Reminder, 'audience' | 'dueAt'>) => `${r.audience}@${r.dueAt}`;
