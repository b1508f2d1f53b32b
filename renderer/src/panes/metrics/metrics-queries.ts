// react-query hooks for the metrics pane; keys start ['metrics', incidentId] so core events refresh them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { InputOf } from '../../../../shared/ipc';
import { getClient } from '../../api/client';

export const metricsKeys = {
  all: (incidentId: string) => ['metrics', incidentId] as const,
  view: (incidentId: string, widthPx: number, untilMs: number | undefined) => ['metrics', incidentId, 'view', widthPx, untilMs ?? 'live'] as const,
  settings: ['metrics-settings'] as const,
};

const DEFAULT_REFRESH_MS = 5000;

/**
 * The live view, refetched every refresh interval while the window is visible (react-query pauses the interval for hidden
 * documents; the check here makes it explicit), or the captured view at a playback moment, which never changes.
 */
export function useMetricsView(incidentId: string, widthPx: number, untilMs: number | undefined) {
  const queryClient = useQueryClient();
  useEffect(
    // A hidden window does not refetch: its requests would keep the core's poller alive for nobody.
    () =>
      getClient().subscribe('metrics.updated', (p) => {
        if (p.incidentId === incidentId && !document.hidden) void queryClient.invalidateQueries({ queryKey: metricsKeys.all(incidentId) });
      }),
    [incidentId, queryClient],
  );
  return useQuery({
    queryKey: metricsKeys.view(incidentId, widthPx, untilMs),
    queryFn: () =>
      untilMs === undefined
        ? getClient().callOrThrow('metrics.view', { incidentId, widthPx })
        : getClient().callOrThrow('metrics.captured', { incidentId, widthPx, untilMs }),
    refetchInterval: (query) => (untilMs !== undefined || document.hidden ? false : (query.state.data?.refreshSeconds ?? DEFAULT_REFRESH_MS / 1000) * 1000),
    refetchIntervalInBackground: false,
    placeholderData: (previous) => previous,
    staleTime: untilMs === undefined ? 0 : Infinity,
  });
}

export const useMetricsSettings = (enabled = true) =>
  useQuery({ queryKey: metricsKeys.settings, queryFn: () => getClient().callOrThrow('metrics.settings.get', {}), enabled });

export function useMetricsMutations(incidentId: string) {
  const queryClient = useQueryClient();
  const client = getClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: metricsKeys.all(incidentId) });
  return {
    addPanel: useMutation({
      mutationFn: (input: Omit<InputOf<'metrics.addPanel'>, 'incidentId'>) => client.callOrThrow('metrics.addPanel', { incidentId, ...input }),
      onSuccess: refresh,
    }),
    removePanel: useMutation({
      mutationFn: (panelId: string) => client.callOrThrow('metrics.removePanel', { incidentId, panelId }),
      onSuccess: refresh,
    }),
    createSilence: useMutation({
      mutationFn: (input: Omit<InputOf<'metrics.silence.create'>, 'incidentId'>) => client.callOrThrow('metrics.silence.create', { incidentId, ...input }),
      onSuccess: refresh,
    }),
    expireSilence: useMutation({
      mutationFn: (input: Omit<InputOf<'metrics.silence.expire'>, 'incidentId'>) => client.callOrThrow('metrics.silence.expire', { incidentId, ...input }),
      onSuccess: refresh,
    }),
  };
}

export function useSettingsMutations() {
  const queryClient = useQueryClient();
  const client = getClient();
  return {
    save: useMutation({
      mutationFn: (input: InputOf<'metrics.settings.save'>) => client.callOrThrow('metrics.settings.save', input),
      onSuccess: (view) => {
        queryClient.setQueryData(metricsKeys.settings, view);
        void queryClient.invalidateQueries({ queryKey: ['metrics'] });
        void queryClient.invalidateQueries({ queryKey: ['app', 'info'] });
      },
    }),
    test: useMutation({ mutationFn: (input: InputOf<'metrics.testConnection'>) => client.callOrThrow('metrics.testConnection', input) }),
  };
}
