// Ed25519 signatures with node:crypto (no hand-written cryptography): key generation, the shareable public-key text
// ("ed25519:<base64 of the 32-byte key>"), fingerprints people can compare aloud, signing and verifying text.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

const PREFIX = 'ed25519:';
/** The fixed DER header of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const SPKI_HEADER = Buffer.from('302a300506032b6570032100', 'hex');

export interface Ed25519KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function generateKeyPair(): Ed25519KeyPair {
  return generateKeyPairSync('ed25519');
}

/** The private key as the vault stores it (PKCS#8 DER, base64). */
export const exportPrivateKey = (key: KeyObject): string => key.export({ format: 'der', type: 'pkcs8' }).toString('base64');

export function importPrivateKey(base64: string): Ed25519KeyPair {
  const privateKey = createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The stored signing key is not an Ed25519 key.');
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** The text people copy into a colleague's trusted keys. */
export function publicKeyText(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return PREFIX + der.subarray(SPKI_HEADER.length).toString('base64');
}

/** Parses "ed25519:<base64>"; throws a message that says what a valid key looks like. */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  const raw = Buffer.from(trimmed.startsWith(PREFIX) ? trimmed.slice(PREFIX.length) : '', 'base64');
  if (!trimmed.startsWith(PREFIX) || raw.length !== 32 || !/^[A-Za-z0-9+/]{43}=$/.test(trimmed.slice(PREFIX.length))) {
    throw new Error('A public key looks like "ed25519:" followed by 44 base64 characters; copy it from Settings → Signing keys on the other installation.');
  }
  return createPublicKey({ key: Buffer.concat([SPKI_HEADER, raw]), format: 'der', type: 'spki' });
}

/** The first 128 bits of the SHA-256 of the raw key, in eight groups of four hex digits. */
export function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey.trim().slice(PREFIX.length), 'base64')).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)!.join(' ');
}

export const signText = (privateKey: KeyObject, text: string): string => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64');

/** False for a wrong signature, a malformed key or malformed signature; never throws. */
export function verifyText(publicKey: string, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), parsePublicKey(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
