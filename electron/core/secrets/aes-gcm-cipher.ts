// AES-256-GCM for the browser-mode vault: a fresh random IV per write, authenticated so a tampered file is refused, not misread.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretCipher } from './secret-vault';

const MAGIC = Buffer.from('FBV1');

export class AesGcmCipher implements SecretCipher {
  constructor(
    private readonly key: Buffer,
    readonly description: string,
  ) {
    if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(MAGIC);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
  }

  decrypt(data: Buffer): string {
    if (data.length < 32 || !data.subarray(0, 4).equals(MAGIC)) throw new Error('The secrets file is not a Firebreak vault (bad header).');
    const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(4, 16));
    decipher.setAAD(MAGIC);
    decipher.setAuthTag(data.subarray(16, 32));
    try {
      return Buffer.concat([decipher.update(data.subarray(32)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('The secrets file could not be decrypted: the key does not match or the file was altered.');
    }
  }
}
