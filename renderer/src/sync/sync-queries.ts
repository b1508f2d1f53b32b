// react-query hooks for team sync: the connection status (kept current by the core's sync.statusChanged event) and settings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { InputOf } from '../../../shared/ipc';
import { getClient } from '../api/client';

export const syncKeys = { status: ['sync', 'status'] as const, settings: ['sync', 'settings'] as const, devices: ['sync', 'devices'] as const, incident: (id: string) => ['sync', 'incident', id] as const };

/** Whether the incident is shared and which concurrent status change stands; read again whenever the incident changes. */
export function useSyncIncident(incidentId: string) {
  const qc = useQueryClient();
  const served = getClient().serves('sync.incident');
  useEffect(
    () =>
      served
        ? getClient().subscribe('incident.changed', (change) => {
            if (change.incidentId === incidentId) void qc.invalidateQueries({ queryKey: syncKeys.incident(incidentId) });
          })
        : undefined,
    [qc, served, incidentId],
  );
  return useQuery({ queryKey: syncKeys.incident(incidentId), queryFn: () => getClient().callOrThrow('sync.incident', { incidentId }), enabled: served });
}

export function useSyncStatus() {
  const qc = useQueryClient();
  const served = getClient().serves('sync.status');
  useEffect(() => (served ? getClient().subscribe('sync.statusChanged', (status) => qc.setQueryData(syncKeys.status, status)) : undefined), [qc, served]);
  return useQuery({ queryKey: syncKeys.status, queryFn: () => getClient().callOrThrow('sync.status', {}), enabled: served });
}

/** The team's devices and key fingerprints; read again whenever the sync status changes (a device registering changes it). */
export function useSyncDevices() {
  const qc = useQueryClient();
  useEffect(() => getClient().subscribe('sync.statusChanged', () => void qc.invalidateQueries({ queryKey: syncKeys.devices })), [qc]);
  return useQuery({ queryKey: syncKeys.devices, queryFn: () => getClient().callOrThrow('sync.devices', {}) });
}

export function useSyncSettings() {
  const qc = useQueryClient();
  return {
    current: useQuery({ queryKey: syncKeys.settings, queryFn: () => getClient().callOrThrow('sync.settings.get', {}) }),
    save: useMutation({
      mutationFn: (input: InputOf<'sync.settings.save'>) => getClient().callOrThrow('sync.settings.save', input),
      onSuccess: (view) => {
        qc.setQueryData(syncKeys.settings, view);
        // No status refetch here: the core pushes sync.statusChanged as the new connection starts and as it changes, in
        // order; a refetch answered just before the connection came up could land after that push and show a stale state.
        void qc.invalidateQueries({ queryKey: ['incidents'] });
      },
    }),
  };
}
