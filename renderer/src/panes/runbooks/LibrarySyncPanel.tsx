// Where the library comes from and how the last sync went; configure a git repository or folder, or sync now.
import { useState } from 'react';
import type { LibraryStatus, SyncSource } from '../../../../shared/ipc';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useLibraryMutations } from './runbook-queries';
import { useFormatTime } from '../../time/Time';

const describeSource = (s: SyncSource) => (s.kind === 'git' ? `git ${s.url}${s.branch ? ` (${s.branch})` : ''}` : s.kind === 'folder' ? `folder ${s.path}` : 'bundled and local runbooks only');

export function LibrarySyncPanel({ status }: { status: LibraryStatus }) {
  const { configure, syncNow } = useLibraryMutations();
  const format = useFormatTime();
  const [editing, setEditing] = useState(false);
  const [kind, setKind] = useState<SyncSource['kind']>(status.source.kind);
  const [location, setLocation] = useState(status.source.kind === 'git' ? status.source.url : status.source.kind === 'folder' ? status.source.path : '');
  const [branch, setBranch] = useState(status.source.kind === 'git' ? (status.source.branch ?? '') : '');
  const attempt = status.lastAttempt;
  const busy = configure.isPending || syncNow.isPending;
  return (
    <section className="library-sync" aria-label="Library sync">
      <p className="library-sync-summary">
        <span>
          {status.total} runbooks{status.withProblems > 0 ? `, ${status.withProblems} with problems` : ''} · source: {describeSource(status.source)}
        </span>
        <span>
          {status.lastSync ? `Last synced ${format(status.lastSync.at)}${status.lastSync.commit ? ` at ${status.lastSync.commit.slice(0, 8)}` : ''}` : 'Never synced'}
        </span>
        <button type="button" onClick={() => syncNow.mutate()} disabled={busy}>
          {syncNow.isPending ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" onClick={() => setEditing(!editing)}>
          {editing ? 'Close settings' : 'Sync settings…'}
        </button>
      </p>
      {attempt && attempt.outcome !== 'rescanned' ? (
        <p className={`sync-attempt outcome-${attempt.outcome}`} role={attempt.outcome === 'diverged' || attempt.outcome === 'failed' ? 'alert' : undefined}>
          {attempt.outcome.replace('_', ' ')}: {attempt.message}
        </p>
      ) : null}
      <ErrorNotice error={configure.error ?? syncNow.error} title="Library not synced" />
      {editing ? (
        <form
          className="form library-sync-form"
          onSubmit={(e) => {
            e.preventDefault();
            const source: SyncSource =
              kind === 'git' ? { kind, url: location.trim(), ...(branch.trim() ? { branch: branch.trim() } : {}) } : kind === 'folder' ? { kind, path: location.trim() } : { kind };
            configure.mutate({ source }, { onSuccess: () => setEditing(false) });
          }}
        >
          <label>
            Source
            <select value={kind} onChange={(e) => setKind(e.target.value as SyncSource['kind'])}>
              <option value="none">Bundled and local only</option>
              <option value="git">Git repository</option>
              <option value="folder">Folder</option>
            </select>
          </label>
          {kind !== 'none' ? (
            <label>
              {kind === 'git' ? 'Repository URL' : 'Absolute folder path'}
              <input value={location} onChange={(e) => setLocation(e.target.value)} placeholder={kind === 'git' ? 'git@github.com:acme/runbooks.git' : '/shared/runbooks'} />
            </label>
          ) : null}
          {kind === 'git' ? (
            <label>
              Branch (optional)
              <input value={branch} onChange={(e) => setBranch(e.target.value)} placeholder="main" />
            </label>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy || (kind !== 'none' && !location.trim())}>
              {configure.isPending ? 'Saving and syncing…' : 'Save and sync'}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
