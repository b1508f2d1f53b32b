// The signer line of a review bundle about to be imported: who signed it and with which key, with a warning when the key
// is not one this installation trusts or the bundle is not signed at all.
import type { BundleSignatureView } from '../../../shared/ipc';

export function BundleSignerLine({ signature }: { signature: BundleSignatureView }) {
  if (signature.status === 'unsigned') {
    return (
      <p className="bundle-signer warning" role="status">
        Not signed: this bundle comes from an older Firebreak or its signature was removed, so nothing shows who exported it or that it is unchanged.
      </p>
    );
  }
  const line = (
    <>
      Signed by <strong>{signature.signer}</strong>, key <code>{signature.fingerprint}</code>
    </>
  );
  if (signature.status === 'unknown') {
    return (
      <p className="bundle-signer warning" role="status">
        {line} — a key you have not marked as trusted. Anyone can make a key under any name: compare the fingerprint with the sender before relying on it, then add the key in
        Settings → Signing keys.
      </p>
    );
  }
  return (
    <p className="bundle-signer trusted" role="status">
      {line} ({signature.status === 'own' ? 'your own key' : 'a trusted key'}). The content is exactly as it was exported.
    </p>
  );
}
