// Connector secrets in the built desktop app, on both safeStorage backends: a real keyring (the OS keychain encrypts the vault)
// and Linux's basic_text (no keyring: Chromium's public key would leave secrets effectively in clear, so Firebreak says so and
// uses its AES-256-GCM vault with the key outside the data directory, or FIREBREAK_VAULT_KEY).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDesktop, type ExposedApi } from './desktop-fixture';
import { decryptBasicText } from './os-services';

const desktop = useDesktop();
const TOKEN = 'jira-token-5f2c9a7e1b';

async function saveJiraToken(api: ExposedApi) {
  const saved = await api.invoke('jira.settings.save', { siteUrl: 'https://acme.atlassian.net', email: 'ana@acme.example', apiToken: TOKEN });
  expect(saved).toMatchObject({ ok: true, value: { tokenConfigured: true } });
  return saved as { ok: true; value: { protection: string } };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

describe.skipIf(process.platform !== 'linux')('safeStorage backends (Linux)', () => {
  it('with a keyring: the vault is encrypted by safeStorage, unreadable with the basic_text key, and readable after a restart', async () => {
    const { app, api } = await desktop.start({ storageBackend: 'gnome_libsecret' });
    const saved = await saveJiraToken(api);
    expect(saved.value.protection).toBe('Electron safeStorage (operating-system keychain)');
    const vaultFile = join(desktop.dataDir, 'secrets', 'connectors.safestorage');
    const bytes = readFileSync(vaultFile);
    expect(bytes.includes(TOKEN)).toBe(false);
    expect(() => decryptBasicText(bytes)).toThrow();
    expect(existsSync(join(desktop.home, 'state', 'firebreak-keys'))).toBe(false);
    await desktop.quit(app);

    const restarted = await desktop.start({ storageBackend: 'gnome_libsecret' });
    expect(await restarted.api.invoke('jira.settings.get', {})).toMatchObject({ ok: true, value: { tokenConfigured: true } });
  });

  it('basic_text is what the stand-in says it is: Chromium public constants, so anyone can decrypt it', async () => {
    const { app } = await desktop.start({ storageBackend: 'basic_text' });
    const encrypted = app.electron.safeStorage.encryptString(TOKEN);
    expect(decryptBasicText(encrypted)).toBe(TOKEN);
  });

  it('without a keyring (basic_text): says so, and keeps secrets in the AES-GCM vault with its key outside the data directory', async () => {
    const { app, api } = await desktop.start({ storageBackend: 'basic_text' });
    const saved = await saveJiraToken(api);
    expect(saved.value.protection).toMatch(/^AES-256-GCM, key in .*firebreak-keys — no OS keyring available$/);
    expect(existsSync(join(desktop.dataDir, 'secrets', 'connectors.safestorage'))).toBe(false);
    expect(existsSync(join(desktop.dataDir, 'secrets', 'connectors.vault'))).toBe(true);
    const keyFile = join(desktop.home, 'state', 'firebreak-keys', 'vault.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    // Nothing in the data directory holds the token in clear or in basic_text's reversible form.
    for (const file of filesUnder(desktop.dataDir)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(TOKEN), file).toBe(false);
      expect(() => decryptBasicText(bytes), file).toThrow();
    }
    await desktop.quit(app);
    expect(readFileSync(join(desktop.dataDir, 'logs', 'firebreak.log'), 'utf8')).toContain('This Linux session has no keyring');

    const restarted = await desktop.start({ storageBackend: 'basic_text' });
    expect(await restarted.api.invoke('jira.settings.get', {})).toMatchObject({ ok: true, value: { tokenConfigured: true } });
  });

  it('without a keyring and with FIREBREAK_VAULT_KEY: the key comes from the environment, no key file is written', async () => {
    process.env.FIREBREAK_VAULT_KEY = 'a'.repeat(64);
    const { api } = await desktop.start({ storageBackend: 'basic_text' });
    const saved = await saveJiraToken(api);
    expect(saved.value.protection).toBe('AES-256-GCM, key from FIREBREAK_VAULT_KEY — no OS keyring available');
    expect(existsSync(join(desktop.home, 'state', 'firebreak-keys'))).toBe(false);
  });
});
