// IPC contract for signing keys: this installation's public key to share, and the colleagues' keys it trusts.
import { z } from 'zod';
import { request } from './define';

export const PublicKeyText = z
  .string()
  .trim()
  .regex(/^ed25519:[A-Za-z0-9+/]{43}=$/, 'A public key looks like "ed25519:" followed by 44 base64 characters; copy it from Settings → Signing keys on the other installation.');
export const Fingerprint = z.string().regex(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/, 'A fingerprint is eight groups of four hex digits');

export const SigningIdentityView = z.object({ signer: z.string(), publicKey: z.string(), fingerprint: z.string() });

export const TrustedKeyView = z.object({ name: z.string(), publicKey: z.string(), fingerprint: z.string(), addedAt: z.string() });
export type TrustedKeyView = z.infer<typeof TrustedKeyView>;

/** Who signed a bundle or log: this installation, a trusted colleague (named as in the trusted list), or an unknown key (the name it claims). */
export const KeyTrustView = z.object({ status: z.enum(['own', 'trusted', 'unknown']), signer: z.string(), fingerprint: z.string() });
export type KeyTrustView = z.infer<typeof KeyTrustView>;

/** The signature verdict on a review bundle; a bad signature is never a verdict — the bundle is refused. */
export const BundleSignatureView = z.union([KeyTrustView, z.object({ status: z.literal('unsigned') })]);
export type BundleSignatureView = z.infer<typeof BundleSignatureView>;

const TrustedKeys = z.object({ keys: z.array(TrustedKeyView) });

export const signingContract = {
  'signing.identity': request("This installation's public signing key and its fingerprint, to give to colleagues", z.object({}), SigningIdentityView),
  'signing.trusted.list': request("The colleagues' public keys this installation trusts", z.object({}), TrustedKeys),
  'signing.trusted.add': request(
    "Trust a colleague's public key under a name you choose",
    z.object({ name: z.string().trim().min(1, 'Give the key a name (whose is it?)').max(80), publicKey: PublicKeyText }),
    TrustedKeys,
  ),
  'signing.trusted.remove': request('Stop trusting a key', z.object({ fingerprint: Fingerprint }), TrustedKeys),
};
