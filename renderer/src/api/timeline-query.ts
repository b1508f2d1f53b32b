// Loads an incident's whole event log page by page through the contract (timeline.events).
import { useQuery } from '@tanstack/react-query';
import type { IncidentEvent } from '../../../shared/events';
import { getClient } from './client';
import { queryKeys } from './queries';

export async function loadAllEvents(incidentId: string): Promise<IncidentEvent[]> {
  const client = getClient();
  const events: IncidentEvent[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await client.callOrThrow('timeline.events', { incidentId, afterSeq, limit: 20000 });
    events.push(...page.events);
    if (!page.hasMore || page.events.length === 0) return events;
    afterSeq = page.events.at(-1)!.seq;
  }
}

export const useIncidentEvents = (incidentId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.timeline(incidentId ?? ''),
    queryFn: () => loadAllEvents(incidentId!),
    enabled: !!incidentId,
    // Logs can hold 100k events: deep-comparing them on every refetch costs more than it saves.
    structuralSharing: false,
  });
