// Review bundles are signed by their exporter: the Ed25519 signature covers the whole bundle (header, event log, captured
// files, checksums) and the signer's name and key, so changing anything — even with every hash recomputed — breaks it.
import type { BundleSignatureView } from '../../../shared/ipc';
import type { ReviewBundle } from '../../../shared/review/bundle-format';
import { DomainError } from '../../../shared/result';
import { verifyText } from '../signing/ed25519';
import type { SigningIdentity } from '../signing/signing-identity';
import type { TrustedKeys } from '../signing/trusted-keys';
import { canonicalJson } from '../store/hash-chain';

type Signer = { signer: string; publicKey: string };

/** The exact text that is signed: the bundle without its signature value, keys sorted. */
export function bundleSigningText(bundle: ReviewBundle, signer: Signer): string {
  const { signature: _signature, ...body } = bundle;
  return canonicalJson({ ...body, signature: { alg: 'ed25519', signer: signer.signer, publicKey: signer.publicKey } });
}

export async function signBundle(bundle: ReviewBundle, identity: SigningIdentity): Promise<ReviewBundle> {
  const signed = await identity.sign((signer) => bundleSigningText(bundle, signer));
  return { ...bundle, signature: { alg: 'ed25519', signer: signed.signer, publicKey: signed.publicKey, value: signed.signature } };
}

/** Who signed the bundle; throws (refusing the bundle) when the signature does not match its content. */
export async function verifyBundleSignature(bundle: ReviewBundle, trust: TrustedKeys): Promise<BundleSignatureView> {
  const signature = bundle.signature;
  if (!signature) return { status: 'unsigned' };
  if (!verifyText(signature.publicKey, bundleSigningText(bundle, signature), signature.value)) {
    throw new DomainError(
      'validation',
      `The bundle's signature does not match its content: it was changed after "${signature.signer.slice(0, 80)}" exported it, or the signature was forged. Nothing was imported.`,
    );
  }
  return trust.trustOf(signature.publicKey, signature.signer);
}
