// @vitest-environment happy-dom
// The header's status control: resolving asks for a confirmation and a note; every change offers Undo, which appends a
// reverting change (a new request), never an edit.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentState } from '../../../shared/incidents/incident-state';
import { Dialogs } from '../incidents/Dialogs';
import { useUiStore } from '../state/ui-store';
import { appInfo, cadence, incidentState, listItem } from '../test/incident-fixtures';
import { renderWithCore, resetCore } from '../test/render-with-core';
import { ToastRegion } from '../ui/ToastRegion';
import { useToastStore } from '../ui/toast-store';
import { IncidentHeader } from './IncidentHeader';

function renderHeader(initial: IncidentState) {
  let state = initial;
  const harness = renderWithCore(
    <>
      <IncidentHeader state={state} keyTimes={{}} playbackStart={Date.parse(state.declaredAt)} canPlay />
      <Dialogs />
      <ToastRegion />
    </>,
    {
      'app.info': () => appInfo,
      'incidents.list': () => [listItem(state)],
      'incidents.get': () => listItem(state),
      'updates.cadence': () => cadence(),
      'incidents.changeStatus': ({ to }) => (state = { ...state, status: to }),
    },
  );
  return harness;
}

describe('IncidentHeader status control', () => {
  beforeEach(() => {
    useUiStore.setState({ selectedIncidentId: 'inc-1', dialog: undefined, paletteOpen: false });
    useToastStore.setState({ toasts: [] });
  });
  afterEach(resetCore);

  it('does not resolve on a stray select: it asks for a resolution note first', async () => {
    const { callsTo } = renderHeader(incidentState({ id: 'inc-1', status: 'mitigating' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'resolved' } });

    const dialog = await screen.findByRole('dialog', { name: /Resolve SEV1 incident\?/ });
    expect(callsTo('incidents.changeStatus')).toEqual([]);

    const submit = within(dialog).getByRole('button', { name: /Resolve incident/ });
    fireEvent.change(within(dialog).getByLabelText(/Resolution note/), { target: { value: 'Rolled back 4f2a; error rate at baseline for 15 min' } });
    fireEvent.click(submit);

    await waitFor(() =>
      expect(callsTo('incidents.changeStatus')).toEqual([
        { incidentId: 'inc-1', to: 'resolved', reason: 'Rolled back 4f2a; error rate at baseline for 15 min' },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Status changed to Resolved')).toBeTruthy();
  });

  it('cancelling the confirmation changes nothing', async () => {
    const { callsTo } = renderHeader(incidentState({ id: 'inc-1', status: 'mitigating' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'resolved' } });
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(callsTo('incidents.changeStatus')).toEqual([]);
  });

  it('applies an ordinary change at once and Undo appends the reverting change', async () => {
    const { callsTo } = renderHeader(incidentState({ id: 'inc-1', status: 'investigating' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'identified' } });

    const toast = await screen.findByText('Status changed to Identified');
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(within(toast.closest('.toast') as HTMLElement).getByRole('button', { name: 'Undo' }));

    await waitFor(() =>
      expect(callsTo('incidents.changeStatus')).toEqual([
        { incidentId: 'inc-1', to: 'identified' },
        { incidentId: 'inc-1', to: 'investigating', reason: 'Undo: reverted the change to Identified' },
      ]),
    );
    expect(await screen.findByText(/Change undone/)).toBeTruthy();
  });
});
