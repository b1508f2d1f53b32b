// Settings → Signing keys: this installation's public key and fingerprint to give colleagues, and the short list of
// colleagues' keys trusted when their review bundles are imported.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { getClient } from '../api/client';
import { copyText } from '../ui/clipboard';
import { ErrorNotice } from '../ui/ErrorNotice';

const keys = { identity: ['signing', 'identity'] as const, trusted: ['signing', 'trusted'] as const };

export function SigningKeysSection() {
  const qc = useQueryClient();
  const identity = useQuery({ queryKey: keys.identity, queryFn: () => getClient().callOrThrow('signing.identity', {}) });
  const trusted = useQuery({ queryKey: keys.trusted, queryFn: () => getClient().callOrThrow('signing.trusted.list', {}) });
  const [name, setName] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [copied, setCopied] = useState<string>();
  const add = useMutation({
    mutationFn: () => getClient().callOrThrow('signing.trusted.add', { name, publicKey }),
    onSuccess: (list) => {
      qc.setQueryData(keys.trusted, list);
      setName('');
      setPublicKey('');
    },
  });
  const remove = useMutation({
    mutationFn: (fingerprint: string) => getClient().callOrThrow('signing.trusted.remove', { fingerprint }),
    onSuccess: (list) => qc.setQueryData(keys.trusted, list),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const copy = (text: string) => copyText(text).then(() => setCopied('Copied your public key.'), (err: Error) => setCopied(`Copy failed: ${err.message}. Select the key and copy it by hand.`));
  return (
    <section className="settings-section" aria-labelledby="settings-signing">
      <h3 id="settings-signing">Signing keys</h3>
      <p className="settings-help">
        Review bundles and incident logs are signed with this installation&apos;s key. Give colleagues your public key; add theirs below so their bundles import as trusted.
      </p>
      {identity.data ? (
        <div className="signing-own">
          <p>
            Your key, signing as <strong>{identity.data.signer}</strong> — fingerprint <code aria-label="Your key fingerprint">{identity.data.fingerprint}</code>
          </p>
          <div className="settings-row">
            <input className="signing-key-text" readOnly value={identity.data.publicKey} aria-label="Your public key" onFocus={(e) => e.target.select()} />
            <button type="button" onClick={() => void copy(identity.data.publicKey)}>
              Copy public key
            </button>
          </div>
          {copied ? <p role="status" className="settings-help">{copied}</p> : null}
        </div>
      ) : null}
      <ErrorNotice error={identity.error} title="Your signing key could not be loaded" />
      <h4 className="signing-subhead">Trusted colleagues</h4>
      <ul className="settings-list" aria-label="Trusted keys">
        {(trusted.data?.keys ?? []).map((k) => (
          <li key={k.fingerprint}>
            {k.name} <code>{k.fingerprint}</code>{' '}
            <button type="button" className="link-button" onClick={() => remove.mutate(k.fingerprint)} aria-label={`Stop trusting ${k.name}`}>
              Remove
            </button>
          </li>
        ))}
        {trusted.data && trusted.data.keys.length === 0 ? <li>None yet: bundles from colleagues show a warning until you add their key.</li> : null}
      </ul>
      <ErrorNotice error={trusted.error ?? remove.error} title="Trusted keys could not be loaded or changed" />
      <form className="signing-add" onSubmit={submit} aria-label="Trust a colleague's key">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Ana (SRE)" required maxLength={80} />
        </label>
        <label className="signing-add-key">
          Public key
          <input value={publicKey} onChange={(e) => setPublicKey(e.target.value)} placeholder="ed25519:…" required spellCheck={false} />
        </label>
        <button type="submit" disabled={add.isPending}>
          Trust key
        </button>
      </form>
      <ErrorNotice error={add.error} title="Key not added" />
    </section>
  );
}
