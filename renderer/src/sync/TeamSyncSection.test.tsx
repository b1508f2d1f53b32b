// @vitest-environment happy-dom
// Settings → Team sync: an nkey seed is sent once and never shown again (only "an nkey is stored" with its public key), a .creds
// path is saved as typed, the stored nkey can be removed, and a pasted public key instead of a seed gets the hint. After a
// save, the connection state shown is the last one the core pushed.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncSettingsView, SyncStatusView } from '../../../shared/ipc';
import { renderWithCore, resetCore } from '../test/render-with-core';
import { TeamSyncSection } from './TeamSyncSection';

const SEED = 'SUAIBDPBAUTWCWBKIO6XHQNINK5FWJW4OHLXC3HQ2KFE4PEJUA44CNHTC4';
const PUBLIC_KEY = 'UAH42UG6PV552P5SWLWTBP3H3S5BHAVCO2IEKEXUANJXR75J63RQ5WM6';

describe('TeamSyncSection', () => {
  afterEach(resetCore);

  it('sends a pasted nkey seed and a .creds path, then shows only that an nkey is stored, with its public key', async () => {
    let view: SyncSettingsView = { url: 'nats://nats.example.com:4222', team: 'blue', user: '', hasPassword: false, credsFile: '', source: 'settings' };
    const { callsTo } = renderWithCore(<TeamSyncSection />, {
      'sync.settings.get': () => view,
      'sync.settings.save': (input) => {
        view = { ...view, url: input.url, team: input.team, user: input.user, credsFile: input.credsFile };
        if (input.nkeySeed) view = { ...view, nkeyPublicKey: PUBLIC_KEY };
        if (input.nkeySeed === '') delete view.nkeyPublicKey;
        return view;
      },
    });
    await waitFor(() => expect((screen.getByLabelText('Team name') as HTMLInputElement).value).toBe('blue'));
    expect(screen.queryByTestId('sync-nkey-stored')).toBeNull();

    fireEvent.change(screen.getByLabelText(/^Nkey seed/), { target: { value: ` ${SEED} ` } });
    fireEvent.change(screen.getByLabelText(/^Credentials file/), { target: { value: '/home/ana/.nats/blue.creds' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save team sync settings' }));

    await waitFor(() => expect(screen.getByTestId('sync-nkey-stored').textContent).toContain(PUBLIC_KEY));
    expect(callsTo('sync.settings.save')).toEqual([{ url: 'nats://nats.example.com:4222', team: 'blue', user: '', credsFile: '/home/ana/.nats/blue.creds', nkeySeed: SEED }]);
    expect((screen.getByLabelText(/^Nkey seed \(stored; paste a seed to replace\)/) as HTMLInputElement).value).toBe('');
    expect(document.body.textContent).not.toContain(SEED);
    expect((screen.getByLabelText(/^Credentials file/) as HTMLInputElement).value).toBe('/home/ana/.nats/blue.creds');

    fireEvent.click(screen.getByRole('button', { name: 'Remove the stored nkey' }));
    await waitFor(() => expect(screen.queryByTestId('sync-nkey-stored')).toBeNull());
    expect(callsTo('sync.settings.save')[1]).toEqual({ url: 'nats://nats.example.com:4222', team: 'blue', user: '', credsFile: '/home/ana/.nats/blue.creds', nkeySeed: '' });
  });

  it('a public key pasted where the seed goes is refused with a hint, and nothing is saved', async () => {
    const { callsTo } = renderWithCore(<TeamSyncSection />, {
      'sync.settings.get': () => ({ url: '', team: '', user: '', hasPassword: false, credsFile: '', source: 'none' }),
    });
    await screen.findByText('Team sync is off.');
    fireEvent.change(screen.getByLabelText('Team server address'), { target: { value: 'nats://nats.example.com:4222' } });
    fireEvent.change(screen.getByLabelText('Team name'), { target: { value: 'blue' } });
    fireEvent.change(screen.getByLabelText(/^Nkey seed/), { target: { value: PUBLIC_KEY } });
    fireEvent.click(screen.getByRole('button', { name: 'Save team sync settings' }));
    expect(await screen.findByText(/starts with SU and is 58 characters long/)).toBeTruthy();
    expect(callsTo('sync.settings.save')).toEqual([]);
  });

  it('after a save, shows the state the core pushed last, not an older answer that arrives after it', async () => {
    const connecting: SyncStatusView = { state: 'connecting', team: 'blue', server: 'nats://nats.example.com:4222', pendingEvents: 0, deviceId: 'd1' };
    const online: SyncStatusView = { ...connecting, state: 'online' };
    let push: (status: SyncStatusView) => void = () => undefined;
    let asked = 0;
    const { emit } = renderWithCore(<TeamSyncSection />, {
      // The first answer is from before the save; any later one was answered while still connecting, and the core's push
      // that it is online overtakes it (what the browser host's separate request and event stream allow).
      'sync.status': () => (asked++ === 0 ? { state: 'off', pendingEvents: 0 } : (push(online), connecting)),
      'sync.settings.get': () => ({ url: '', team: '', user: '', hasPassword: false, credsFile: '', source: 'none' }),
      'sync.settings.save': (input) => {
        push(online);
        return { url: input.url, team: input.team, user: input.user, hasPassword: false, credsFile: input.credsFile, source: 'settings' };
      },
    });
    push = (status) => void emit('sync.statusChanged', status);
    await screen.findByText('Team sync is off.');
    fireEvent.change(screen.getByLabelText('Team server address'), { target: { value: 'nats://nats.example.com:4222' } });
    fireEvent.change(screen.getByLabelText('Team name'), { target: { value: 'blue' } });
    fireEvent.change(screen.getByLabelText(/^Credentials file/), { target: { value: '/home/ana/.nats/blue.creds' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save team sync settings' }));
    await screen.findByText('Saved. Syncing with team blue.');
    await waitFor(() => expect(screen.getByTestId('sync-settings-status').textContent).toBe('Connected to nats://nats.example.com:4222 as device d1.'));
  });
});
