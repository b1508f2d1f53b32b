// Tests for the browser-mode vault: encryption at rest, key location, wrong key, tampering, lazy key creation.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AesGcmCipher } from './aes-gcm-cipher';
import { CipherFileVault } from './cipher-file-vault';
import { keyFromEnv, keyFromFile, openBrowserVault } from './vault-key';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fb-vault-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('browser-mode vault', () => {
  it('stores secrets encrypted, with the key in a separate folder, and reads them back after reopening', async () => {
    const dataDir = join(root, 'data');
    const keyDir = join(root, 'keys');
    const vault = await openBrowserVault({ dataDir, keyDir, env: {} });
    await vault.set('jira.apiToken', 'ATATT-super-secret');
    const file = join(dataDir, 'secrets', 'connectors.vault');
    const raw = await readFile(file);
    expect(raw.toString('latin1')).not.toContain('super-secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(keyDir, 'vault.key'))).mode & 0o777).toBe(0o600);
    const again = await openBrowserVault({ dataDir, keyDir, env: {} });
    expect(await again.get('jira.apiToken')).toBe('ATATT-super-secret');
    expect(again.protection).toContain(keyDir);
  });

  it('refuses a key folder inside the data directory', async () => {
    await expect(keyFromFile(join(root, 'data', 'keys'), join(root, 'data'))).rejects.toThrow(/inside the data directory/);
  });

  it('uses FIREBREAK_VAULT_KEY when given and fails clearly with the wrong key', async () => {
    const dataDir = join(root, 'data');
    const vault = await openBrowserVault({ dataDir, env: { FIREBREAK_VAULT_KEY: 'a'.repeat(64) } });
    await vault.set('pagerduty.apiToken', 'pd-secret');
    const wrong = await openBrowserVault({ dataDir, env: { FIREBREAK_VAULT_KEY: 'b'.repeat(64) } });
    await expect(wrong.get('pagerduty.apiToken')).rejects.toThrow(/cannot be read: .*key does not match/);
    expect(keyFromEnv('correct horse battery staple')).toHaveLength(32);
    expect(() => keyFromEnv('short')).toThrow(/too short/);
  });

  it('detects tampering and deletes the file when the last secret goes', async () => {
    const file = join(root, 'v.vault');
    const vault = new CipherFileVault(file, new AesGcmCipher(Buffer.alloc(32, 7), 'test'));
    await vault.set('jira.apiToken', 't1');
    const bytes = await readFile(file);
    bytes[bytes.length - 1]! ^= 1;
    await writeFile(file, bytes);
    await expect(new CipherFileVault(file, new AesGcmCipher(Buffer.alloc(32, 7), 'test')).get('jira.apiToken')).rejects.toThrow(/altered/);
    await vault.delete('jira.apiToken');
    await expect(stat(file)).rejects.toThrow();
  });

  it('rejects odd secret names', async () => {
    const vault = new CipherFileVault(join(root, 'v'), new AesGcmCipher(Buffer.alloc(32, 1), 'test'));
    await expect(vault.set('../etc', 'x')).rejects.toThrow(/Invalid secret name/);
  });
});

describe('lazy key creation', () => {
  it('does not create a key file until a secret is saved', async () => {
    const keyDir = join(root, 'keys');
    const vault = await openBrowserVault({ dataDir: join(root, 'data'), keyDir, env: {} });
    expect(await vault.get('jira.apiToken')).toBeUndefined();
    await expect(stat(keyDir)).rejects.toThrow();
    await vault.set('jira.apiToken', 'x');
    expect((await stat(join(keyDir, 'vault.key'))).isFile()).toBe(true);
  });
});
