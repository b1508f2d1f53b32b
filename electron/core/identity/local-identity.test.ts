import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEVICE_FILE, handleFromName, IDENTITY_FILE, IdentitySettings, loadOrCreateDeviceId, newDeviceId } from './local-identity';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-identity-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('device id', () => {
  it('is made once per installation and stays the same across restarts', async () => {
    const first = await loadOrCreateDeviceId(dataDir);
    expect(first).toMatch(/^dev_[a-z2-7]{16}$/);
    expect(await loadOrCreateDeviceId(dataDir)).toBe(first);
    expect((await IdentitySettings.open(dataDir)).deviceId).toBe(first);
    expect(newDeviceId()).not.toBe(first);
  });

  it('a damaged device file is a clear error, never silently replaced by a new id', async () => {
    await writeFile(join(dataDir, DEVICE_FILE), '{"deviceId": 42');
    await expect(loadOrCreateDeviceId(dataDir)).rejects.toThrow(/device\.json is damaged.*delete it to give this installation a new device id/);
  });
});

describe('IdentitySettings', () => {
  it('asks on first run, never falls back to the OS user, and keeps what was saved across restarts', async () => {
    const first = await IdentitySettings.open(dataDir);
    expect(first.view()).toMatchObject({ source: 'unset' });
    expect(first.view().name).toBeUndefined();
    expect(first.current().name).toBe('Unnamed operator');
    await first.save({ name: 'Ana Kovač', handle: 'ana.k' });
    const again = await IdentitySettings.open(dataDir);
    expect(again.view()).toEqual({ name: 'Ana Kovač', handle: 'ana.k', deviceId: first.deviceId, source: 'saved' });
    expect(JSON.parse(await readFile(join(dataDir, IDENTITY_FILE), 'utf8'))).toEqual({ name: 'Ana Kovač', handle: 'ana.k' });
  });

  it('--operator / FIREBREAK_OPERATOR names the operator without asking and saves nothing', async () => {
    const settings = await IdentitySettings.open(dataDir, 'e2e.commander');
    expect(settings.view()).toMatchObject({ name: 'e2e.commander', handle: 'e2e.commander', source: 'override' });
    await expect(readFile(join(dataDir, IDENTITY_FILE))).rejects.toThrow();
    expect(handleFromName('Ana K')).toBe('ana-k');
  });

  it('a corrupt identity file is reported with what to do, and saving again repairs it', async () => {
    await writeFile(join(dataDir, IDENTITY_FILE), 'not json');
    const settings = await IdentitySettings.open(dataDir);
    expect(settings.view().source).toBe('unset');
    expect(settings.view().problem).toMatch(/identity\.json is damaged .*Enter them again/);
    await settings.save({ name: 'Ben', handle: 'ben' });
    expect(settings.view().problem).toBeUndefined();
    expect((await IdentitySettings.open(dataDir)).view()).toMatchObject({ name: 'Ben', source: 'saved' });
  });

  it('refuses a handle that is not one', async () => {
    const settings = await IdentitySettings.open(dataDir);
    await expect(settings.save({ name: 'Ana', handle: 'a b' })).rejects.toThrow(/handle uses letters, digits/);
  });
});
