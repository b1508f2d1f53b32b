// @vitest-environment happy-dom
// The header's team line and the roles and handover dialogs: who holds each role is shown, assigning and releasing call the
// core, and a handover goes propose → accept (by the successor) or record (by the commander).
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentState } from '../../../shared/incidents/incident-state';
import type { IdentityView } from '../../../shared/ipc';
import { IncidentHeader } from '../cockpit/IncidentHeader';
import { Dialogs } from '../incidents/Dialogs';
import { useUiStore } from '../state/ui-store';
import { appInfo, cadence, incidentState, listItem } from '../test/incident-fixtures';
import { renderWithCore, resetCore } from '../test/render-with-core';
import { ToastRegion } from '../ui/ToastRegion';
import { useToastStore } from '../ui/toast-store';

const since = '2026-03-01T10:05:00.000Z';

function renderTeam(initial: IncidentState, me: IdentityView = { name: 'ana', handle: 'ana', deviceId: 'dev_aaaaaaaaaaaaaaaa', source: 'saved' }) {
  let state = initial;
  const harness = renderWithCore(
    <>
      <IncidentHeader state={state} keyTimes={{}} playbackStart={Date.parse(state.declaredAt)} canPlay />
      <Dialogs />
      <ToastRegion />
    </>,
    {
      'app.info': () => appInfo,
      'identity.get': () => me,
      'incidents.list': () => [listItem(state)],
      'incidents.get': () => listItem(state),
      'updates.cadence': () => cadence(),
      'team.assignRole': ({ role, person }) => (state = { ...state, roles: [...state.roles.filter((r) => r.role !== role), { role, person, since }] }),
      'team.releaseRole': ({ role }) => (state = { ...state, roles: state.roles.filter((r) => r.role !== role) }),
      'team.handoverDraft': () => ({ note: 'Status: Mitigating · SEV1\n\nOpen actions:\n- Page the DBA' }),
      'team.proposeHandover': ({ to, note }) => (state = { ...state, handover: { from: state.commander, to, note, proposedBy: 'ana', proposedAt: since, seq: 9 } }),
      'team.recordHandover': () => {
        const { handover, ...rest } = state;
        return (state = { ...rest, commander: handover!.to });
      },
      'team.acceptHandover': () => {
        const { handover, ...rest } = state;
        return (state = { ...rest, commander: handover!.to });
      },
    },
  );
  return harness;
}

describe('team roles in the header', () => {
  beforeEach(() => {
    useUiStore.setState({ selectedIncidentId: 'inc-1', dialog: undefined, paletteOpen: false });
    useToastStore.setState({ toasts: [] });
  });
  afterEach(resetCore);

  it('shows who holds each role, compactly: the first three and a count of the rest', () => {
    renderTeam(
      incidentState({
        id: 'inc-1',
        commander: 'ana',
        roles: [
          { role: 'deputy', person: 'ben', since },
          { role: 'scribe', person: 'chen', since },
          { role: 'comms-lead', person: 'dana', since },
          { role: 'Database expert', person: 'eli', since },
        ],
      }),
    );
    const team = screen.getByTestId('team-facts');
    expect(team.textContent).toContain('Commander ana');
    expect(team.textContent).toContain('Deputy ben');
    expect(team.textContent).toContain('Scribe chen');
    expect(team.textContent).toContain('Comms lead dana');
    expect(within(team).getByText('+1 more').getAttribute('title')).toBe('Database expert: eli');
  });

  it('assigns a role and releases it from the roles dialog', async () => {
    const { callsTo } = renderTeam(incidentState({ id: 'inc-1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Roles…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Roles' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign role' }));
    expect(await within(dialog).findByText('Name the person')).toBeTruthy();
    expect(callsTo('team.assignRole')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('Role'), { target: { value: 'scribe' } });
    fireEvent.change(within(dialog).getByLabelText('Person'), { target: { value: 'chen' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign role' }));
    await waitFor(() => expect(callsTo('team.assignRole')).toEqual([{ incidentId: 'inc-1', role: 'scribe', person: 'chen' }]));

    fireEvent.change(within(dialog).getByLabelText('Role'), { target: { value: '__custom' } });
    fireEvent.change(within(dialog).getByLabelText('Custom role name'), { target: { value: 'Database expert' } });
    fireEvent.change(within(dialog).getByLabelText('Person'), { target: { value: 'eli' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign role' }));
    await waitFor(() => expect(callsTo('team.assignRole')).toHaveLength(2));
    expect(callsTo('team.assignRole')[1]).toEqual({ incidentId: 'inc-1', role: 'Database expert', person: 'eli' });

    fireEvent.click(await within(dialog).findByRole('button', { name: 'Release Scribe (chen)' }));
    await waitFor(() => expect(callsTo('team.releaseRole')).toEqual([{ incidentId: 'inc-1', role: 'scribe' }]));
  });

  it('proposes a handover with the pre-filled note, then the commander records it', async () => {
    const { callsTo } = renderTeam(incidentState({ id: 'inc-1', commander: 'ana' }));
    useUiStore.setState({ dialog: 'handover' });
    const dialog = await screen.findByRole('dialog', { name: 'Hand over command' });
    const note = within(dialog).getByLabelText('Handover note') as HTMLTextAreaElement;
    await waitFor(() => expect(note.value).toContain('- Page the DBA'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Propose handover' }));
    expect(await within(dialog).findByText('Name the new commander')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('New commander'), { target: { value: 'ben' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Propose handover' }));
    await waitFor(() => expect(callsTo('team.proposeHandover')).toEqual([{ incidentId: 'inc-1', to: 'ben', note: 'Status: Mitigating · SEV1\n\nOpen actions:\n- Page the DBA' }]));

    // The proposal is pending: ana is not the successor, so she records the handover (ben is offline).
    const record = await within(dialog).findByRole('button', { name: 'Record handover to ben' });
    expect(within(dialog).queryByRole('button', { name: /Accept command/ })).toBeNull();
    fireEvent.click(record);
    await waitFor(() => expect(callsTo('team.recordHandover')).toEqual([{ incidentId: 'inc-1' }]));
    expect(await screen.findByText('ben is now the commander')).toBeTruthy();
  });

  it('the named successor accepts command as themselves', async () => {
    const { callsTo } = renderTeam(incidentState({ id: 'inc-1', commander: 'ana', handover: { from: 'ana', to: 'ben', note: 'all yours', proposedBy: 'ana', proposedAt: since, seq: 9 } }), {
      name: 'Ben Ng',
      handle: 'ben',
      deviceId: 'dev_bbbbbbbbbbbbbbbb',
      source: 'saved',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Handover to ben proposed' }));
    const dialog = await screen.findByRole('dialog', { name: 'Hand over command' });
    expect(within(dialog).getByLabelText('Handover note').textContent).toBe('all yours');
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Accept command as Ben Ng' }));
    await waitFor(() => expect(callsTo('team.acceptHandover')).toEqual([{ incidentId: 'inc-1' }]));
  });
});
