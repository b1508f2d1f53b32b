// Where team sync settings come from at start (--sync / --team win over FIREBREAK_* variables) and which addresses are accepted.
import { describe, expect, it } from 'vitest';
import { SyncSettingsInput } from '../../../shared/ipc/sync';
import { startupSyncFrom } from './sync-service';

describe('team sync settings', () => {
  it('reads --sync and --team, falling back to the environment for each, and takes credentials from the environment only', () => {
    const env = { FIREBREAK_SYNC_URL: 'nats://env:4222', FIREBREAK_TEAM: 'env-team', FIREBREAK_SYNC_USER: 'ana', FIREBREAK_SYNC_PASSWORD: 'pw' };
    expect(startupSyncFrom(['node', 'web.js', '--sync', 'tls://cli:4222'], env)).toEqual({ url: 'tls://cli:4222', team: 'env-team', user: 'ana', password: 'pw' });
    expect(startupSyncFrom(['node', 'web.js', '--team', 'blue'], {})).toEqual({ team: 'blue' });
    expect(startupSyncFrom(['node', 'web.js'], {})).toEqual({});
    const keyed = { FIREBREAK_SYNC_URL: 'nats://env:4222', FIREBREAK_TEAM: 'blue', FIREBREAK_SYNC_NKEY_SEED_FILE: 'ana.nk', FIREBREAK_SYNC_CREDS_FILE: 'team.creds' };
    expect(startupSyncFrom(['node', 'web.js'], keyed)).toEqual({ url: 'nats://env:4222', team: 'blue', nkeySeedFile: 'ana.nk', credsFile: 'team.creds' });
  });

  it('accepts nats:// and tls:// addresses and a cluster list; refuses anything else with a hint', () => {
    const ok = (url: string) => SyncSettingsInput.safeParse({ url, team: 'blue' }).success;
    expect(ok('nats://127.0.0.1:4222')).toBe(true);
    expect(ok('tls://nats.example.com:4222')).toBe(true);
    expect(ok('nats://n1:4222,nats://n2:4222,nats://n3:4222')).toBe(true);
    expect(ok('')).toBe(true);
    const refused = SyncSettingsInput.safeParse({ url: 'http://nats.example.com', team: 'blue' });
    expect(refused.success).toBe(false);
    expect(JSON.stringify(refused.error?.issues)).toContain('nats://host:4222');
    expect(SyncSettingsInput.safeParse({ url: 'nats://x:4222', team: 'Blue Team' }).error?.issues[0]?.message).toMatch(/lower-case letters/);
  });
});
