// @vitest-environment happy-dom
// The header's team sync chip: hidden while sync is off, "Offline since … · N events to sync" while offline (kept current by
// the core's sync.statusChanged event), and the server's refusal in words; the settings form saves the password to the vault.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../shared/ipc';
import { renderWithCore, resetCore } from '../test/render-with-core';
import { SyncStatusChip } from './SyncStatusChip';
import { TeamSyncSection } from './TeamSyncSection';
import { StatusConflictNotice } from './StatusConflictNotice';

const online: SyncStatusView = { state: 'online', team: 'blue', server: 'nats://team:4222', pendingEvents: 0, deviceId: 'd1' };

describe('SyncStatusChip', () => {
  afterEach(resetCore);

  it('shows nothing while sync is off', async () => {
    const { callsTo } = renderWithCore(<SyncStatusChip />, { 'sync.status': () => ({ state: 'off', pendingEvents: 0 }) });
    await waitFor(() => expect(callsTo('sync.status')).toHaveLength(1));
    expect(screen.queryByTestId('sync-status')).toBeNull();
  });

  it('follows the core from synced to offline with events waiting, and says why the server refused', async () => {
    const { emit } = renderWithCore(<SyncStatusChip />, { 'sync.status': () => online });
    expect((await screen.findByTestId('sync-status')).textContent).toBe('Synced · team blue');
    emit('sync.statusChanged', { ...online, state: 'offline', offlineSince: '2026-12-02T10:42:00.000Z', pendingEvents: 7, message: 'The team server cannot be reached' });
    // react-query re-renders its subscribers on the next tick: wait for the text, not for a moment.
    await waitFor(() => expect(screen.getByTestId('sync-status').textContent).toMatch(/^Offline since .+ · 7 events to sync$/));
    expect(screen.getByTestId('sync-status').getAttribute('title')).toBe('The team server cannot be reached');
    emit('sync.statusChanged', { ...online, state: 'error', offlineSince: '2026-12-02T10:42:00.000Z', pendingEvents: 1, message: 'refused the user name or password' });
    await waitFor(() => expect(screen.getByTestId('sync-status').textContent).toBe('Team sync refused · 1 event to sync'));
  });
});

describe('TeamSyncSection', () => {
  afterEach(resetCore);

  it('saves the server, team, user and password, and shows a refused address as an error', async () => {
    const { callsTo } = renderWithCore(<TeamSyncSection />, {
      'sync.status': () => ({ state: 'off', pendingEvents: 0 }),
      'sync.settings.get': () => ({ url: '', team: '', user: '', hasPassword: false, credsFile: '', source: 'none' }),
      'sync.settings.save': (input) => ({ url: input.url, team: input.team, user: input.user, hasPassword: input.password !== undefined, credsFile: input.credsFile, source: 'settings' }),
    });
    expect(await screen.findByText('Team sync is off.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Team server address'), { target: { value: 'http://wrong' } });
    fireEvent.change(screen.getByLabelText('Team name'), { target: { value: 'blue' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save team sync settings' }));
    expect((await screen.findByRole('alert')).textContent).toContain('nats://host:4222');
    fireEvent.change(screen.getByLabelText('Team server address'), { target: { value: 'nats://team.example.com:4222' } });
    fireEvent.change(screen.getByLabelText('User (optional)'), { target: { value: 'ana' } });
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 's3cret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save team sync settings' }));
    expect((await screen.findByText('Saved. Syncing with team blue.')).textContent).toBeTruthy();
    expect(callsTo('sync.settings.save').at(-1)).toEqual({ url: 'nats://team.example.com:4222', team: 'blue', user: 'ana', credsFile: '', password: 's3cret' });
  });
});

describe('StatusConflictNotice', () => {
  afterEach(resetCore);

  it('says which concurrent status change stands, and shows nothing without a conflict', async () => {
    let conflict = true;
    const explanation = 'Mitigating (set by ben) stands: ana had changed the status to Identified at the same time, without either seeing the other.';
    const { emit } = renderWithCore(<StatusConflictNotice incidentId="inc-1" />, {
      'sync.incident': () =>
        conflict
          ? { shared: true, statusConflict: { stands: { status: 'mitigating', actor: 'ben', at: '2026-12-02T10:42:00.000Z' }, overridden: { status: 'identified', actor: 'ana', at: '2026-12-02T10:41:00.000Z' }, explanation } }
          : { shared: true },
    });
    expect((await screen.findByRole('note')).textContent).toBe(explanation);
    conflict = false;
    emit('incident.changed', { incidentId: 'inc-1', lastSeq: 9 });
    await waitFor(() => expect(screen.queryByRole('note')).toBeNull());
  });
});
