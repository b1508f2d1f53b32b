// This installation's signing identity: an Ed25519 key pair made on first use, the private key kept in the secret vault
// (safeStorage on the desktop, the AES-GCM file vault in browser mode), and the operator's name as the signer.
import type { SecretVault } from '../secrets/secret-vault';
import { exportPrivateKey, fingerprintOf, generateKeyPair, importPrivateKey, publicKeyText, signText, type Ed25519KeyPair } from './ed25519';

const VAULT_NAME = 'signing.ed25519.privateKey';

export interface PublicIdentity {
  signer: string;
  publicKey: string;
  fingerprint: string;
}

export class SigningIdentity {
  private keys: Promise<Ed25519KeyPair> | undefined;

  constructor(
    private readonly vault: SecretVault,
    private readonly signer: () => string,
  ) {}

  /** Made lazily (the first checkpoint, export or Settings view), so starting Firebreak alone never writes a key. */
  private keyPair(): Promise<Ed25519KeyPair> {
    this.keys ??= (async () => {
      const stored = await this.vault.get(VAULT_NAME);
      if (stored) return importPrivateKey(stored);
      const fresh = generateKeyPair();
      await this.vault.set(VAULT_NAME, exportPrivateKey(fresh.privateKey));
      return fresh;
    })();
    // A failed vault read is retried next time instead of being cached for the life of the process.
    this.keys.catch(() => (this.keys = undefined));
    return this.keys;
  }

  async publicIdentity(): Promise<PublicIdentity> {
    const publicKey = publicKeyText((await this.keyPair()).publicKey);
    return { signer: this.signer(), publicKey, fingerprint: fingerprintOf(publicKey) };
  }

  /** Signs `text` with this installation's key (team sync signs each published event so). */
  async signText(text: string): Promise<string> {
    return signText((await this.keyPair()).privateKey, text);
  }

  /** Signs `text`; returns the signature with who signed it and the public key to check it with. */
  async sign(text: (signer: PublicIdentity) => string): Promise<PublicIdentity & { signature: string }> {
    const keys = await this.keyPair();
    const identity = await this.publicIdentity();
    return { ...identity, signature: signText(keys.privateKey, text(identity)) };
  }
}
