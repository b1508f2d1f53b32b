// Loads an incident's whole event log page by page through the contract (timeline.events); later changes arrive as deltas
// (event-sync.ts), so this runs once per incident, not once per event.
import { useQuery } from '@tanstack/react-query';
import { create } from 'zustand';
import type { IncidentEvent } from '../../../shared/events';
import { getClient } from './client';
import { loadEventsAfter } from './event-sync';
import { DEFAULT_TIMELINE_WINDOW_FROM } from '../../../shared/ipc/app';
import { channelAccess } from './access';
import { queryKeys, useAppInfo, useIncident } from './queries';

/** Events loaded so far while an incident's whole log loads (playback of a large incident shows it), by incident. */
export const useLogLoadProgress = create<{ loaded: Readonly<Record<string, number>> }>(() => ({ loaded: {} }));

const reportLoaded = (incidentId: string, n: number | undefined) =>
  useLogLoadProgress.setState((s) => {
    const loaded = { ...s.loaded };
    if (n === undefined) delete loaded[incidentId];
    else loaded[incidentId] = n;
    return { loaded };
  });

export async function loadAllEvents(incidentId: string): Promise<IncidentEvent[]> {
  reportLoaded(incidentId, 0);
  try {
    return await loadEventsAfter(getClient(), incidentId, 0, (n) => reportLoaded(incidentId, n));
  } finally {
    reportLoaded(incidentId, undefined);
  }
}

/** `enabled` false: not loaded (a windowed timeline, or before it is known whether the incident is large). */
export const useIncidentEvents = (incidentId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: queryKeys.timeline(incidentId ?? ''),
    queryFn: () => loadAllEvents(incidentId!),
    enabled: !!incidentId && enabled,
    // Logs can hold 100k events: deep-comparing them on every refetch costs more than it saves.
    structuralSharing: false,
    // Kept current by appended deltas (event-sync.ts); a focus or remount must not reload the whole log.
    staleTime: Infinity,
  });

/**
 * Whether the incident's live timeline is a window of pages (above app.info's timelineWindowFrom), and whether that is
 * known yet (`sized`): nothing may load the whole log before it is.
 */
export function useTimelineWindowed(incidentId: string): { sized: boolean; windowed: boolean; eventCount: number } {
  const incident = useIncident(incidentId);
  const appInfo = useAppInfo();
  const { live } = channelAccess();
  const eventCount = incident.data?.state?.eventCount ?? 0;
  const windowed = live && eventCount > (appInfo.data?.timelineWindowFrom ?? DEFAULT_TIMELINE_WINDOW_FROM);
  return { sized: !live || (incident.data !== undefined && appInfo.data !== undefined), windowed, eventCount };
}
