// Header reminder of the next stakeholder update due (from the updates cadence), so the countdown is visible from anywhere.
import { useUpdateCadence } from '../panes/updates/update-queries';
import { countdownText } from '../panes/updates/reminders';
import { useNow } from './use-now';

export function NextUpdateChip({ incidentId }: { incidentId: string }) {
  const cadence = useUpdateCadence(incidentId);
  const now = useNow();
  const next = cadence.data?.next;
  if (!next?.dueAt) return null;
  const { text, overdue } = countdownText(next.dueAt, now);
  return (
    <span className={overdue ? 'fact next-update overdue' : 'fact next-update'} data-testid="next-update">
      Next update <strong>{next.audience}</strong> {text}
    </span>
  );
}
