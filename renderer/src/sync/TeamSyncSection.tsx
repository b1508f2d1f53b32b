// Settings → Team sync: the team's NATS server and team name, and how this laptop signs in: user and password, a user nkey, or a
// NATS .creds file. Password and nkey seed go to the vault and never come back (for the nkey, only its public key is shown).
// The .creds file is taken as a path that the main process reads at each connect rather than pasted into the vault: the
// operator's tooling (nsc) rotates that file in place, and a pasted copy would silently go stale.
import { useEffect, useState } from 'react';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useSyncSettings, useSyncStatus } from './sync-queries';
import { TeamDevices, TeamTrustNotices } from './TeamDevices';

export function TeamSyncSection() {
  const { current, save } = useSyncSettings();
  const status = useSyncStatus().data;
  const [url, setUrl] = useState('');
  const [team, setTeam] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [nkeySeed, setNkeySeed] = useState('');
  const [credsFile, setCredsFile] = useState('');
  const saved = current.data;
  useEffect(() => {
    if (!saved) return;
    setUrl(saved.url);
    setTeam(saved.team);
    setUser(saved.user);
    setCredsFile(saved.credsFile);
  }, [saved]);
  const fields = () => ({ url: url.trim(), team: team.trim(), user: user.trim(), credsFile: credsFile.trim() });
  const fromStartup = saved?.source === 'startup';
  return (
    <section className="settings-section" aria-labelledby="settings-team-sync">
      <h3 id="settings-team-sync">Team sync</h3>
      <p className="settings-help">
        Share incidents with your team through a NATS JetStream server. Everything keeps working on this laptop when the server is out of reach; changes are sent
        when it is back.
      </p>
      <p className="status-page-where">
        {saved ? (saved.url ? `Syncing with team ${saved.team} on ${saved.url}.` : 'Team sync is off.') : current.isPending ? 'Loading…' : null}
      </p>
      {fromStartup ? <p className="settings-help">Set when Firebreak was started (--sync / --team or FIREBREAK_SYNC_URL); those settings win over this form.</p> : null}
      {status && status.state !== 'off' ? (
        <p className={status.state === 'online' ? 'settings-status configured' : 'settings-problem'} data-testid="sync-settings-status">
          {status.state === 'online' ? `Connected to ${status.server ?? ''} as device ${status.deviceId ?? ''}.` : (status.message ?? 'Connecting…')}
        </p>
      ) : null}
      {status && status.state !== 'off' ? <TeamTrustNotices status={status} /> : null}
      <form
        className="status-page-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ ...fields(), ...(password ? { password } : {}), ...(nkeySeed.trim() ? { nkeySeed: nkeySeed.trim() } : {}) });
          setPassword('');
          setNkeySeed('');
        }}
      >
        <label>
          Team server address
          <input value={url} placeholder="nats://nats.example.com:4222" onChange={(e) => setUrl(e.target.value)} />
        </label>
        <label>
          Team name
          <input value={team} placeholder="payments-oncall" onChange={(e) => setTeam(e.target.value)} />
        </label>
        <label>
          User (optional)
          <input value={user} autoComplete="off" onChange={(e) => setUser(e.target.value)} />
        </label>
        <label>
          Password {saved?.hasPassword ? '(stored; type to replace)' : '(optional)'}
          <input type="password" value={password} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} />
        </label>
        <label>
          Nkey seed {saved?.nkeyPublicKey ? '(stored; paste a seed to replace)' : '(optional, starts with SU)'}
          <input type="password" value={nkeySeed} autoComplete="off" spellCheck={false} onChange={(e) => setNkeySeed(e.target.value)} />
        </label>
        <label>
          Credentials file (.creds path, optional)
          <input value={credsFile} placeholder="/home/you/.nats/team.creds" autoComplete="off" spellCheck={false} onChange={(e) => setCredsFile(e.target.value)} />
        </label>
        <p className="status-page-wide settings-help">
          Sign in with one of these: a credentials file wins over an nkey, and an nkey over user and password.
          {saved?.nkeyPublicKey ? (
            <>
              {' '}
              <span data-testid="sync-nkey-stored">
                An nkey is stored; the server should list its public key <code>{saved.nkeyPublicKey}</code>.
              </span>{' '}
              <button type="button" className="link-button" disabled={save.isPending} onClick={() => save.mutate({ ...fields(), nkeySeed: '' })}>
                Remove the stored nkey
              </button>
            </>
          ) : null}
        </p>
        <div className="status-page-wide settings-row">
          <button type="submit" disabled={save.isPending}>
            Save team sync settings
          </button>
        </div>
      </form>
      {save.isSuccess && !save.isPending ? (
        <p role="status" className="settings-ok">
          {save.data.url ? `Saved. Syncing with team ${save.data.team}.` : 'Saved. Team sync is off.'}
        </p>
      ) : null}
      {status && status.state !== 'off' ? <TeamDevices /> : null}
      <ErrorNotice error={current.error} title="Team sync settings could not be loaded" />
      <ErrorNotice error={save.error} title="Team sync settings not saved" />
    </section>
  );
}
