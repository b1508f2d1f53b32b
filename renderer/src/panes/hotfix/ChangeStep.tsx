// The change: link the fix commit(s) or branch, then its diff stat against the deployed release (files, lines, modules) and
// any minimal-change threshold it exceeds.
import { useState } from 'react';
import type { HotfixState } from '../../../../shared/hotfix/hotfix-state';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useHotfixCall } from './hotfix-queries';

export function DiffStatView({ change }: { change: NonNullable<HotfixState['change']> }) {
  const d = change.diffStat;
  return (
    <div className="hotfix-diff">
      <dl className="hotfix-facts">
        <dt>Against</dt>
        <dd>
          {change.base.label} <span className="sha">{change.base.sha.slice(0, 8)}</span>
        </dd>
        <dt>Fix</dt>
        <dd className="sha">{change.headSha.slice(0, 8)}</dd>
        <dt>Files</dt>
        <dd>{d.files}</dd>
        <dt>Lines</dt>
        <dd>
          <span className="diff-plus">+{d.insertions}</span> <span className="diff-minus">−{d.deletions}</span>
        </dd>
        <dt>Modules</dt>
        <dd>{d.modules.join(', ') || '—'}</dd>
      </dl>
      {change.flags.length > 0 ? (
        <div className="hotfix-flags" role="note" aria-label="Over the minimal-change thresholds">
          <strong>Over the minimal-change thresholds</strong>
          <ul>
            {change.flags.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <details>
        <summary>
          {change.commits.length} commit{change.commits.length === 1 ? '' : 's'}, {d.files} file{d.files === 1 ? '' : 's'}
        </summary>
        <ul className="hotfix-list">
          {change.commits.map((c) => (
            <li key={c.sha}>
              <span className="sha">{c.sha.slice(0, 8)}</span> {c.subject} <span className="pane-meta">{c.author}</span>
            </li>
          ))}
        </ul>
        <ul className="hotfix-list">
          {d.perFile.map((f) => (
            <li key={f.path}>
              {f.path} {f.binary ? <span className="pane-meta">binary</span> : <span className="pane-meta">+{f.insertions} −{f.deletions}</span>}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

export function ChangeStep({ incidentId, hotfix: h, editable }: { incidentId: string; hotfix: HotfixState; editable: boolean }) {
  const [refs, setRefs] = useState('');
  const link = useHotfixCall(incidentId, 'hotfix.linkChange');
  const branch = useHotfixCall(incidentId, 'hotfix.createBranch');
  return (
    <>
      {h.branch ? (
        <p className="hotfix-step-summary">
          Branch <strong>{h.branch.name}</strong> was created on {h.branch.remote} from {h.branch.base.label}
          {h.change ? '.' : ': push the fix there, then link it.'}
        </p>
      ) : null}
      {editable && !h.branch && !h.change ? (
        <div className="hotfix-actions">
          <button type="button" onClick={() => branch.mutate({ hotfixId: h.id }, { onSuccess: (s) => setRefs(s.branch?.name ?? '') })} disabled={branch.isPending}>
            Create branch hotfix/{h.id} from the deployed release
          </button>
          <ErrorNotice error={branch.error} title="The branch was not created" />
        </div>
      ) : null}
      {h.change ? <DiffStatView change={h.change} /> : null}
      {editable ? (
        <form
          className="hotfix-inline-form"
          aria-label="Link the change"
          onSubmit={(e) => {
            e.preventDefault();
            link.mutate({ hotfixId: h.id, refs: refs.split(/[\s,]+/).filter(Boolean) }, { onSuccess: () => setRefs('') });
          }}
        >
          <label>
            Fix branch or commit(s)
            <input value={refs} onChange={(e) => setRefs(e.target.value)} placeholder="hotfix/checkout-timeout, or SHAs separated by spaces" />
          </label>
          <button type="submit" disabled={link.isPending || refs.trim() === ''}>
            {link.isPending ? 'Reading the diff…' : h.change ? 'Link another change' : 'Link change'}
          </button>
          <ErrorNotice error={link.error} title="The change was not linked" />
        </form>
      ) : null}
    </>
  );
}
