// react-query hooks for the Jira / PagerDuty connectors and the outbox; keys carry the incident id second so core events refresh them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/ipc';
import { getClient } from '../../api/client';
import { queryKeys } from '../../api/queries';

export const connectorKeys = {
  jiraSettings: ['connectors', 'jira-settings'] as const,
  pagerDutySettings: ['connectors', 'pagerduty-settings'] as const,
  linkedJira: (incidentId: string) => ['jira', incidentId, 'linked'] as const,
  linkedPagerDuty: (incidentId: string) => ['pagerduty', incidentId, 'linked'] as const,
  outbox: (incidentId: string) => ['outbox', incidentId] as const,
  pdServices: ['pagerduty', 'services'] as const,
  pdOpen: (serviceIds: readonly string[]) => ['pagerduty', 'open', serviceIds.join(',')] as const,
};

const client = () => getClient();

export const useJiraSettings = (enabled = true) =>
  useQuery({ queryKey: connectorKeys.jiraSettings, queryFn: () => client().callOrThrow('jira.settings.get', {}), enabled });
export const usePagerDutySettings = (enabled = true) =>
  useQuery({ queryKey: connectorKeys.pagerDutySettings, queryFn: () => client().callOrThrow('pagerduty.settings.get', {}), enabled });
export const useLinkedJira = (incidentId: string, enabled = true) =>
  useQuery({ queryKey: connectorKeys.linkedJira(incidentId), queryFn: () => client().callOrThrow('jira.linked', { incidentId }), enabled });
export const useLinkedPagerDuty = (incidentId: string, enabled = true) =>
  useQuery({ queryKey: connectorKeys.linkedPagerDuty(incidentId), queryFn: () => client().callOrThrow('pagerduty.linked', { incidentId }), enabled });
export const useOutbox = (incidentId: string, enabled = true) =>
  useQuery({ queryKey: connectorKeys.outbox(incidentId), queryFn: () => client().callOrThrow('outbox.list', { incidentId }), enabled });
export const usePagerDutyServices = (enabled: boolean) =>
  useQuery({ queryKey: connectorKeys.pdServices, queryFn: () => client().callOrThrow('pagerduty.services', {}), enabled, staleTime: 60_000 });
export const useOpenPagerDutyIncidents = (serviceIds: readonly string[], enabled: boolean) =>
  useQuery({ queryKey: connectorKeys.pdOpen(serviceIds), queryFn: () => client().callOrThrow('pagerduty.openIncidents', { serviceIds: [...serviceIds] }), enabled });

export function useConnectorSettingsMutations() {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['connectors'] });
    void qc.invalidateQueries({ queryKey: queryKeys.appInfo });
  };
  return {
    saveJira: useMutation({ mutationFn: (input: InputOf<'jira.settings.save'>) => client().callOrThrow('jira.settings.save', input), onSuccess: refresh }),
    clearJira: useMutation({ mutationFn: () => client().callOrThrow('jira.settings.clear', {}), onSuccess: refresh }),
    testJira: useMutation({ mutationFn: () => client().callOrThrow('jira.testConnection', {}) }),
    savePagerDuty: useMutation({ mutationFn: (input: InputOf<'pagerduty.settings.save'>) => client().callOrThrow('pagerduty.settings.save', input), onSuccess: refresh }),
    clearPagerDuty: useMutation({ mutationFn: () => client().callOrThrow('pagerduty.settings.clear', {}), onSuccess: refresh }),
    testPagerDuty: useMutation({ mutationFn: () => client().callOrThrow('pagerduty.testConnection', {}) }),
  };
}

/** Writes and reads for one incident; every write is queued in the outbox, so success means "recorded", not "delivered". */
export function useIncidentConnectorMutations(incidentId: string) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ predicate: (q) => q.queryKey[1] === incidentId });
  // A helper that calls useMutation: only ever used in the fixed list below, so hook order never changes.
  const m = <C extends Parameters<ReturnType<typeof getClient>['callOrThrow']>[0]>(channel: C) =>
    useMutation({ mutationFn: (input: Omit<InputOf<C>, 'incidentId'>) => client().callOrThrow(channel, { ...input, incidentId } as InputOf<C>), onSuccess: refresh });
  return {
    linkJira: m('jira.link'),
    createJira: m('jira.createIssue'),
    commentJira: m('jira.comment'),
    transitionJira: m('jira.transition'),
    syncJira: m('jira.sync'),
    linkPagerDuty: m('pagerduty.link'),
    setPagerDutyStatus: m('pagerduty.setStatus'),
    notePagerDuty: m('pagerduty.note'),
    reassignPagerDuty: m('pagerduty.reassign'),
    statusUpdatePagerDuty: m('pagerduty.statusUpdate'),
    eventPagerDuty: m('pagerduty.event'),
    syncPagerDuty: m('pagerduty.sync'),
    retry: m('outbox.retry'),
    cancel: m('outbox.cancel'),
  };
}
