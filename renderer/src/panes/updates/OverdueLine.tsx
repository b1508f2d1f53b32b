// One line for every due or overdue stakeholder update ("3 updates overdue — Draft all"), instead of one banner per audience.
import type { Audience } from '../../../../shared/events';
import type { Reminder } from './reminders';

interface Props {
  reminders: readonly Reminder[];
  labels: Record<Audience, string>;
  onDraftAll(audiences: Audience[]): void;
  onDismissAll(reminders: readonly Reminder[]): void;
}

export function overdueSummary(reminders: readonly Reminder[], labels: Record<Audience, string>): string {
  const overdue = reminders.filter((r) => r.overdue);
  const soon = reminders.filter((r) => !r.overdue);
  const parts: string[] = [];
  if (overdue.length === 1) parts.push(`Update to ${labels[overdue[0]!.audience]} ${overdue[0]!.text}`);
  else if (overdue.length > 1) parts.push(`${overdue.length} updates overdue`);
  if (soon.length === 1) parts.push(`${overdue.length ? 'update to ' : 'Update to '}${labels[soon[0]!.audience]} ${soon[0]!.text}`);
  else if (soon.length > 1) parts.push(`${soon.length} updates due within a minute`);
  return parts.join(', ');
}

export function OverdueLine({ reminders, labels, onDraftAll, onDismissAll }: Props) {
  if (reminders.length === 0) return null;
  const overdue = reminders.some((r) => r.overdue);
  return (
    <div className={`update-reminder ${overdue ? 'overdue' : 'due-soon'}`} role="alert" aria-label="Update reminders">
      <span>
        <strong>{overdueSummary(reminders, labels)}</strong>
        {reminders.length > 1 ? <span className="reminder-audiences"> ({reminders.map((r) => labels[r.audience]).join(', ')})</span> : null}
      </span>
      <button type="button" onClick={() => onDraftAll(reminders.map((r) => r.audience))}>
        {reminders.length > 1 ? 'Draft all' : 'Draft it'}
      </button>
      <button type="button" onClick={() => onDismissAll(reminders)} title="Hide these reminders; the countdowns stay visible">
        Dismiss
      </button>
    </div>
  );
}
