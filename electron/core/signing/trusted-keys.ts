// The short list of colleagues' public keys this installation trusts (<dataDir>/trusted-keys.json), edited in Settings,
// and the verdict on a signer's key: this installation's own, a trusted colleague's, or unknown.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { KeyTrustView, TrustedKeyView } from '../../../shared/ipc/signing';
import { DomainError } from '../../../shared/result';
import { writeFileAtomic } from '../metrics/atomic-file';
import { fingerprintOf, parsePublicKey } from './ed25519';
import type { SigningIdentity } from './signing-identity';

const MAX_KEYS = 50;
const TrustedFile = z.object({
  version: z.literal(1),
  keys: z.array(z.object({ name: z.string().min(1).max(80), publicKey: z.string(), addedAt: z.string() })).max(MAX_KEYS),
});
type TrustedFile = z.infer<typeof TrustedFile>;

export class TrustedKeys {
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly identity: SigningIdentity,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = join(dataDir, 'trusted-keys.json');
  }

  private async read(): Promise<TrustedFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, keys: [] };
      throw e;
    }
    const parsed = TrustedFile.safeParse(JSON.parse(text));
    if (!parsed.success) throw new DomainError('unavailable', `${this.file} is damaged (${parsed.error.issues[0]?.message ?? 'schema'}); fix or delete it, then add the keys again.`);
    return parsed.data;
  }

  async list(): Promise<TrustedKeyView[]> {
    return (await this.read()).keys.map((k) => ({ ...k, fingerprint: fingerprintOf(k.publicKey) }));
  }

  async add(name: string, publicKey: string): Promise<TrustedKeyView[]> {
    try {
      parsePublicKey(publicKey);
    } catch (e) {
      throw new DomainError('validation', (e as Error).message, ['publicKey']);
    }
    const key = publicKey.trim();
    if (key === (await this.identity.publicIdentity()).publicKey) throw new DomainError('validation', 'This is your own key; it is always trusted.', ['publicKey']);
    const file = await this.read();
    const existing = file.keys.find((k) => k.publicKey === key);
    if (existing) throw new DomainError('conflict', `This key is already trusted as "${existing.name}".`, ['publicKey']);
    if (file.keys.length >= MAX_KEYS) throw new DomainError('validation', `At most ${MAX_KEYS} trusted keys; remove one first.`);
    await this.write({ ...file, keys: [...file.keys, { name: name.trim(), publicKey: key, addedAt: this.now().toISOString() }] });
    return this.list();
  }

  async remove(fingerprint: string): Promise<TrustedKeyView[]> {
    const file = await this.read();
    const keys = file.keys.filter((k) => fingerprintOf(k.publicKey) !== fingerprint);
    if (keys.length === file.keys.length) throw new DomainError('not_found', `No trusted key with fingerprint ${fingerprint}.`);
    await this.write({ ...file, keys });
    return this.list();
  }

  private async write(file: TrustedFile): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify(file, null, 2)}\n`, 0o600);
  }

  /** Whose key this is. A trusted key is shown under the name given here, never the name the signer claims. */
  async trustOf(publicKey: string, claimedSigner: string): Promise<KeyTrustView> {
    const fingerprint = fingerprintOf(publicKey);
    const own = await this.identity.publicIdentity();
    if (publicKey === own.publicKey) return { status: 'own', signer: own.signer, fingerprint };
    const trusted = (await this.read()).keys.find((k) => k.publicKey === publicKey);
    if (trusted) return { status: 'trusted', signer: trusted.name, fingerprint };
    return { status: 'unknown', signer: claimedSigner, fingerprint };
  }
}
