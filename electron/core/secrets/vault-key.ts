// Where the browser-mode vault key comes from. The key is never stored beside the encrypted file:
// 1. FIREBREAK_VAULT_KEY (64 hex chars or base64 of 32 bytes; anything else is treated as a passphrase and stretched with scrypt), or
// 2. a random key file in a per-user location that is NOT the data directory and not roamed/backed up with it:
//    Linux $XDG_STATE_HOME/firebreak-keys (default ~/.local/state/firebreak-keys), macOS ~/Library/Application Support/Firebreak Keys,
//    Windows %LOCALAPPDATA%\Firebreak\keys (data lives in roaming %APPDATA%). Copying the data directory alone does not reveal tokens.
import { randomBytes, scryptSync } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { moveDurably, syncDir } from '../base/durable-file';
import { AesGcmCipher } from './aes-gcm-cipher';
import { CipherFileVault } from './cipher-file-vault';

export function defaultKeyDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Firebreak Keys');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Firebreak', 'keys');
  return join(env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'firebreak-keys');
}

export function keyFromEnv(value: string): Buffer {
  const v = value.trim();
  if (/^[0-9a-f]{64}$/i.test(v)) return Buffer.from(v, 'hex');
  const b64 = Buffer.from(v, 'base64');
  if (b64.length === 32 && /^[A-Za-z0-9+/=_-]+$/.test(v)) return b64;
  if (v.length < 12) throw new Error('FIREBREAK_VAULT_KEY is too short: use 32 random bytes (hex/base64) or a passphrase of at least 12 characters.');
  return scryptSync(v, 'firebreak-vault-v1', 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}

function inside(parent: string, child: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Reads or creates the key file (0600 in a 0700 folder). Refuses a key folder inside the data directory. */
export async function keyFromFile(keyDir: string, dataDir: string): Promise<Buffer> {
  if (inside(dataDir, keyDir)) throw new Error(`The vault key folder ${keyDir} is inside the data directory; choose a folder outside ${dataDir}.`);
  const file = join(keyDir, 'vault.key');
  try {
    const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
    if (key.length !== 32) {
      throw new Error(
        `The vault key file ${file} is damaged (expected 64 hex characters). Delete it and re-enter the connector tokens in Settings: the secrets it protected cannot be recovered.`,
      );
    }
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  // Written and fsynced aside, then linked into place: a crash mid-write leaves a stray temp file, never an empty key file that
  // would lock the vault for good. link() refuses to replace a key another process created first; that key is then used.
  const temp = join(keyDir, `.vault.key.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(randomBytes(32).toString('hex') + '\n');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code === 'EEXIST') return;
      // A file system without hard links: rename is still atomic, only the first-creator-wins guarantee is lost.
      await moveDurably(temp, file);
    });
  } finally {
    await rm(temp, { force: true });
  }
  await syncDir(keyDir);
  await chmod(file, 0o600);
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
}

export interface BrowserVaultOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  keyDir?: string;
}

/**
 * The browser-mode vault: `<dataDir>/secrets/connectors.vault`, AES-256-GCM, key from the environment or a separate key folder.
 * The key file is only created when the first secret is saved, so starting Firebreak never writes outside the data directory.
 */
export async function openBrowserVault(options: BrowserVaultOptions): Promise<CipherFileVault> {
  const env = options.env ?? process.env;
  const file = join(options.dataDir, 'secrets', 'connectors.vault');
  if (env.FIREBREAK_VAULT_KEY) return new CipherFileVault(file, new AesGcmCipher(keyFromEnv(env.FIREBREAK_VAULT_KEY), 'AES-256-GCM, key from FIREBREAK_VAULT_KEY'));
  const keyDir = options.keyDir ?? defaultKeyDir(process.platform, env);
  let cipher: Promise<AesGcmCipher> | undefined;
  const description = `AES-256-GCM, key in ${keyDir}`;
  const load = () => (cipher ??= keyFromFile(keyDir, options.dataDir).then((key) => new AesGcmCipher(key, description)));
  return new CipherFileVault(file, {
    description,
    encrypt: async (plain) => (await load()).encrypt(plain),
    decrypt: async (data) => (await load()).decrypt(data),
  });
}
