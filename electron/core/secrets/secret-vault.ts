// Where connector secrets (API tokens, routing keys) live: main-process only, never sent to the renderer or written to logs.

/** A store of named secrets. Implementations encrypt at rest; names are not secret, values are. */
export interface SecretVault {
  /** How the secrets are protected, for the settings panel ("Electron safeStorage", "AES-256-GCM, key in …"). */
  readonly protection: string;
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  has(name: string): Promise<boolean>;
}

/**
 * Encrypts and decrypts the vault file as a whole. The desktop shell adapts Electron's safeStorage to this
 * (`encrypt: (s) => safeStorage.encryptString(s)`, `decrypt: (b) => safeStorage.decryptString(b)`); browser mode uses AES-256-GCM.
 */
export interface SecretCipher {
  readonly description: string;
  encrypt(plain: string): Buffer | Promise<Buffer>;
  decrypt(data: Buffer): string | Promise<string>;
}

const NAME = /^[a-z][a-zA-Z0-9._-]{0,120}$/;

export function assertSecretName(name: string): void {
  if (!NAME.test(name)) throw new RangeError(`Invalid secret name "${name.slice(0, 40)}"`);
}
