// Connector secrets in the desktop app: the vault file is encrypted with Electron's safeStorage (OS keychain / DPAPI /
// libsecret). Where the OS offers no real protection (Linux "basic_text"), the browser-mode AES vault is used instead.
import { safeStorage } from 'electron';
import { join } from 'node:path';
import { CipherFileVault } from '../core/secrets/cipher-file-vault';
import type { SecretVault } from '../core/secrets/secret-vault';

export function safeStorageVault(dataDir: string): SecretVault | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return new CipherFileVault(join(dataDir, 'secrets', 'connectors.safestorage'), {
    description: 'Electron safeStorage (operating-system keychain)',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  });
}
