// @vitest-environment happy-dom
// Events refused from the team show in the header chip ("· 3 events refused", notices in its tooltip) and in Settings → Team
// sync with the notice, events held unverified, this laptop's key registration problem, and the team's devices with fingerprints.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../shared/ipc';
import { renderWithCore, resetCore } from '../test/render-with-core';
import { SyncStatusChip } from './SyncStatusChip';
import { TeamSyncSection } from './TeamSyncSection';

const NOTICE = "2 events from device dev_3f9a4b… were refused: signature did not verify — someone with the team's credentials may be impersonating a laptop.";
const online: SyncStatusView = { state: 'online', team: 'blue', server: 'nats://team:4222', pendingEvents: 0, deviceId: 'dev_me' };
const troubled: SyncStatusView = {
  ...online,
  refused: [
    { deviceId: 'dev_3f9a4b7c2d1e0f9a', events: 2, reason: 'bad-signature', notice: NOTICE },
    { deviceId: 'dev_3f9a4b7c2d1e0f9a', events: 1, reason: 'wrong-device', notice: '1 event from device dev_3f9a4b… was refused: it was signed by a different device than the one it claims to come from — …' },
  ],
  unverified: 1,
};

describe('refused events in the sync status', () => {
  afterEach(resetCore);

  it('the header chip counts refused events and carries the notices; a clean status shows none', async () => {
    const { emit } = renderWithCore(<SyncStatusChip />, { 'sync.status': () => online });
    expect((await screen.findByTestId('sync-status')).textContent).toBe('Synced · team blue');
    expect(screen.getByTestId('sync-status').className).not.toContain('trouble');
    emit('sync.statusChanged', troubled);
    await waitFor(() => expect(screen.getByTestId('sync-status').textContent).toBe('Synced · team blue · 3 events refused'));
    expect(screen.getByTestId('sync-status').className).toContain('trouble');
    expect(screen.getByTestId('sync-status').getAttribute('title')).toContain(NOTICE);
    expect(screen.getByTestId('sync-status').getAttribute('title')).toContain('Settings → Team sync');
  });

  it('Settings → Team sync shows each notice, the held events, and the team devices with their key fingerprints', async () => {
    renderWithCore(<TeamSyncSection />, {
      'sync.status': () => ({ ...troubled, registration: 'This laptop\'s device id dev_me is registered on the team server with another signing key' }),
      'sync.settings.get': () => ({ url: 'nats://team:4222', team: 'blue', user: '', hasPassword: false, credsFile: '', source: 'settings' }),
      'sync.devices': () => ({
        devices: [
          { deviceId: 'dev_me', handle: 'ana', fingerprint: '1111 2222 3333 4444 5555 6666 7777 8888', registeredAt: '2026-12-02T10:00:00.000Z', thisDevice: true },
          { deviceId: 'dev_ben', handle: 'ben', fingerprint: 'aaaa bbbb cccc dddd eeee ffff 0000 9999', registeredAt: '2026-12-02T10:01:00.000Z', thisDevice: false },
        ],
      }),
    });
    const notices = await screen.findByRole('list', { name: 'Events refused from the team' });
    expect(within(notices).getByText(NOTICE)).toBeTruthy();
    expect(within(notices).getByText(/1 event is held back unverified: the device that sent it has no signing key registered/)).toBeTruthy();
    expect(within(notices).getByText(/registered on the team server with another signing key/)).toBeTruthy();
    const devices = await screen.findByRole('list', { name: 'Team devices' });
    await waitFor(() => expect(within(devices).getAllByRole('listitem')).toHaveLength(2));
    expect(within(devices).getAllByRole('listitem')[0]!.textContent).toBe('@ana · device dev_me (this laptop) — key 1111 2222 3333 4444 5555 6666 7777 8888');
    expect(within(devices).getAllByRole('listitem')[1]!.textContent).toContain('@ben · device dev_ben — key aaaa bbbb');
  });
});
