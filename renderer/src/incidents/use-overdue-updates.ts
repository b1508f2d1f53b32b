// Which open incidents have a stakeholder update overdue, from each one's cadence (the same query the updates pane uses).
import { useQueries } from '@tanstack/react-query';
import type { CadenceStatusOutput, IncidentListItem } from '../../../shared/ipc';
import { getClient } from '../api/client';
import { updateKeys } from '../panes/updates/update-queries';

export interface OverdueUpdate {
  incidentId: string;
  audience: string;
  dueAt: string;
  /** How long it has been overdue at `now`. */
  overdueMs: number;
}

/** The most overdue audience of one incident, if any update is past due at `now`. */
export function mostOverdue(incidentId: string, cadence: CadenceStatusOutput | undefined, now: number): OverdueUpdate | undefined {
  if (!cadence || cadence.resolved) return undefined;
  const late = cadence.audiences
    .filter((a) => a.dueAt && (a.state === 'overdue' || a.state === 'scheduled') && Date.parse(a.dueAt) < now)
    .sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))[0];
  return late ? { incidentId, audience: late.audience, dueAt: late.dueAt!, overdueMs: now - Date.parse(late.dueAt!) } : undefined;
}

/** Overdue updates of the given (unresolved) incidents, keyed by incident id. Demo incidents have no cadence. */
export function useOverdueUpdates(active: readonly IncidentListItem[], now: number): Map<string, OverdueUpdate> {
  const tracked = active.filter((i) => i.state && !i.state.demo && i.state.status !== 'resolved');
  const results = useQueries({
    queries: tracked.map((i) => ({
      queryKey: updateKeys.cadence(i.id),
      queryFn: () => getClient().callOrThrow('updates.cadence', { incidentId: i.id }),
      refetchInterval: 60_000,
    })),
  });
  const overdue = new Map<string, OverdueUpdate>();
  tracked.forEach((item, index) => {
    const found = mostOverdue(item.id, results[index]?.data, now);
    if (found) overdue.set(item.id, found);
  });
  return overdue;
}
