// @vitest-environment happy-dom
// First run asks for a name and handle before anything is recorded; a given --operator/FIREBREAK_OPERATOR never asks.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IdentityView } from '../../../shared/ipc';
import { appInfo } from '../test/incident-fixtures';
import { renderWithCore, resetCore } from '../test/render-with-core';
import { FirstRunIdentityDialog } from './FirstRunIdentityDialog';

const deviceId = 'dev_abcdefghijklmnop';

describe('FirstRunIdentityDialog', () => {
  afterEach(resetCore);

  it('asks for name and handle, suggests a handle, checks both, and saves', async () => {
    let view: IdentityView = { deviceId, source: 'unset' };
    const { callsTo } = renderWithCore(<FirstRunIdentityDialog />, {
      'app.info': () => appInfo,
      'identity.get': () => view,
      'identity.save': (input) => (view = { ...input, deviceId, source: 'saved' }),
    });
    const dialog = await screen.findByRole('dialog', { name: 'Who is using Firebreak?' });
    expect(within(dialog).getByText(deviceId)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start using Firebreak' }));
    expect(await within(dialog).findByText('Enter your name')).toBeTruthy();
    expect(callsTo('identity.save')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('Your name'), { target: { value: 'Ana Kovač' } });
    expect((within(dialog).getByLabelText('Handle') as HTMLInputElement).value).toBe('ana.kovac');
    fireEvent.change(within(dialog).getByLabelText('Handle'), { target: { value: 'ana k' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start using Firebreak' }));
    expect(await within(dialog).findByText(/A handle uses letters, digits/)).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Handle'), { target: { value: 'ana.k' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start using Firebreak' }));
    await waitFor(() => expect(callsTo('identity.save')).toEqual([{ name: 'Ana Kovač', handle: 'ana.k' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows why a damaged identity file is asked for again', async () => {
    renderWithCore(<FirstRunIdentityDialog />, { 'identity.get': () => ({ deviceId, source: 'unset', problem: 'identity.json is damaged (it should hold your name and handle). Enter them again to replace it.' }) });
    expect((await screen.findByRole('alert')).textContent).toContain('identity.json is damaged');
  });

  it('never asks when the operator was named on the command line', async () => {
    const { callsTo } = renderWithCore(<FirstRunIdentityDialog />, { 'identity.get': () => ({ name: 'e2e.commander', handle: 'e2e.commander', deviceId, source: 'override' }) });
    await waitFor(() => expect(callsTo('identity.get')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
