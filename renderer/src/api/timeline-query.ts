// Loads an incident's whole event log page by page through the contract (timeline.events); later changes arrive as deltas
// (event-sync.ts), so this runs once per incident, not once per event.
import { useQuery } from '@tanstack/react-query';
import type { IncidentEvent } from '../../../shared/events';
import { getClient } from './client';
import { loadEventsAfter } from './event-sync';
import { queryKeys } from './queries';

export const loadAllEvents = (incidentId: string): Promise<IncidentEvent[]> => loadEventsAfter(getClient(), incidentId, 0);

export const useIncidentEvents = (incidentId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.timeline(incidentId ?? ''),
    queryFn: () => loadAllEvents(incidentId!),
    enabled: !!incidentId,
    // Logs can hold 100k events: deep-comparing them on every refetch costs more than it saves.
    structuralSharing: false,
    // Kept current by appended deltas (event-sync.ts); a focus or remount must not reload the whole log.
    staleTime: Infinity,
  });
