// Settings → You: the name and handle this installation records events under, its device id and signing key fingerprint.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getClient } from '../api/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { IdentityForm } from './IdentityForm';
import { useIdentity } from './identity-queries';

export function IdentitySection() {
  const identity = useIdentity();
  const signing = useQuery({ queryKey: ['signing', 'identity'], queryFn: () => getClient().callOrThrow('signing.identity', {}) });
  const [editing, setEditing] = useState(false);
  const view = identity.data;
  return (
    <section className="settings-section" aria-labelledby="settings-identity">
      <h3 id="settings-identity">You</h3>
      <ErrorNotice error={identity.error} title="Your identity could not be loaded" />
      {view ? (
        <>
          {view.problem ? <p className="settings-problem">{view.problem}</p> : null}
          <dl className="identity-facts">
            <dt>Name</dt>
            <dd>{view.name ?? 'not set'}</dd>
            <dt>Handle</dt>
            <dd>{view.handle ? `@${view.handle}` : 'not set'}</dd>
            <dt>Device id</dt>
            <dd>
              <code>{view.deviceId}</code>
            </dd>
            {signing.data ? (
              <>
                <dt>Signing key</dt>
                <dd>
                  <code>{signing.data.fingerprint}</code>
                </dd>
              </>
            ) : null}
          </dl>
          {view.source === 'override' ? (
            <p className="settings-help">Set for this run by --operator or FIREBREAK_OPERATOR; start Firebreak without them to use your saved name.</p>
          ) : editing ? (
            <IdentityForm initial={view} submitLabel="Save" onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
          ) : (
            <button type="button" onClick={() => setEditing(true)}>
              Change name or handle…
            </button>
          )}
        </>
      ) : null}
    </section>
  );
}
