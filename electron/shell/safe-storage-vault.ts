// Connector secrets in the desktop app: the vault file is encrypted with Electron's safeStorage (OS keychain / DPAPI /
// libsecret). Where the OS offers no real protection — Linux without a keyring, where safeStorage's "basic_text" backend
// encrypts with a fixed, public key — Firebreak says so and uses the browser-mode AES-256-GCM vault instead, whose key is
// kept outside the data directory (or given in FIREBREAK_VAULT_KEY).
import { safeStorage } from 'electron';
import { join } from 'node:path';
import { CipherFileVault } from '../core/secrets/cipher-file-vault';
import type { SecretVault } from '../core/secrets/secret-vault';
import { openBrowserVault } from '../core/secrets/vault-key';

export const NO_KEYRING_NOTICE =
  'This Linux session has no keyring, so Electron safeStorage would keep secrets effectively in clear ("basic_text"); Firebreak uses its own AES-256-GCM vault instead.';

export interface DesktopVault {
  vault: SecretVault;
  /** Set when the OS keychain could not be used: the reason, for the application log. */
  notice?: string;
}

export async function desktopVault(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<DesktopVault> {
  const noKeyring = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (safeStorage.isEncryptionAvailable() && !noKeyring) {
    return {
      vault: new CipherFileVault(join(dataDir, 'secrets', 'connectors.safestorage'), {
        description: 'Electron safeStorage (operating-system keychain)',
        encrypt: (plain) => safeStorage.encryptString(plain),
        decrypt: (data) => safeStorage.decryptString(data),
      }),
    };
  }
  const fallback = await openBrowserVault({ dataDir, env });
  const notice = noKeyring ? NO_KEYRING_NOTICE : 'Electron safeStorage is not available here; Firebreak uses its own AES-256-GCM vault instead.';
  // The settings panels show `protection`: the user sees why their tokens are not in the OS keychain.
  const vault: SecretVault = {
    protection: `${fallback.protection} — no OS keyring available`,
    get: (name) => fallback.get(name),
    set: (name, value) => fallback.set(name, value),
    delete: (name) => fallback.delete(name),
    has: (name) => fallback.has(name),
  };
  return { vault, notice };
}
