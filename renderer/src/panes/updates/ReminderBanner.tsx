// The in-app reminder for stakeholder updates that are due within a minute or overdue.
import type { Audience } from '../../../../shared/events';
import type { Reminder } from './reminders';

interface Props {
  reminders: readonly Reminder[];
  labels: Record<Audience, string>;
  onOpen(audience: Audience): void;
  onDismiss(reminder: Reminder): void;
}

export function ReminderBanner({ reminders, labels, onOpen, onDismiss }: Props) {
  if (reminders.length === 0) return null;
  return (
    <div className="update-reminders" role="alert" aria-label="Update reminders">
      {reminders.map((r) => (
        <div key={`${r.audience}-${r.dueAt}`} className={`update-reminder ${r.overdue ? 'overdue' : 'due-soon'}`}>
          <span>
            Update to <strong>{labels[r.audience]}</strong> {r.text}
          </span>
          <button type="button" onClick={() => onOpen(r.audience)}>
            Draft it
          </button>
          <button type="button" onClick={() => onDismiss(r)} title="Hide this reminder; the countdown stays visible">
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
