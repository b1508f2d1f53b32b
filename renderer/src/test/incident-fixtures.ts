// Incident states for component tests, valid against the IPC contract.
import type { IncidentState } from '../../../shared/incidents/incident-state';
import type { AppInfo, CadenceStatusOutput, IncidentListItem } from '../../../shared/ipc';

export function incidentState(overrides: Partial<IncidentState> & { id: string }): IncidentState {
  return {
    title: `Incident ${overrides.id}`,
    severity: 'SEV1',
    status: 'investigating',
    commander: 'ana',
    services: ['checkout-api'],
    demo: false,
    declaredAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    lastSeq: 1,
    eventCount: 1,
    noteCount: 0,
    statusHistory: [],
    roles: [],
    ...overrides,
  } as IncidentState;
}

export const listItem = (state: IncidentState): IncidentListItem => ({ id: state.id, state, problems: [] });

export const appInfo: AppInfo = { version: '0.0.0-test', mode: 'browser', dataDir: 'data', operator: 'ana', capabilities: ['runbooks', 'updates'] };

export function cadence(overrides: Partial<CadenceStatusOutput> = {}): CadenceStatusOutput {
  return { severity: 'SEV1', resolved: false, at: '2026-03-01T10:00:00.000Z', audiences: [], ...overrides };
}
