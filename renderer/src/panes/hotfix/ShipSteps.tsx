// The steps after the rollout: verification (health query or a checked outcome), the annotated tag pushed with a lease, the
// Jira comment and follow-up ticket through the outbox, and closing the hot fix.
import { useState } from 'react';
import type { HotfixState } from '../../../../shared/hotfix/hotfix-state';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useHotfixCall } from './hotfix-queries';

type StepProps = { incidentId: string; hotfix: HotfixState };

export function VerifyStep({ incidentId, hotfix: h }: StepProps) {
  const verify = useHotfixCall(incidentId, 'hotfix.verify');
  if (h.stage !== 'rolled-out') return null;
  return (
    <div className="hotfix-actions">
      <button type="button" onClick={() => verify.mutate({ hotfixId: h.id })} disabled={verify.isPending}>
        {verify.isPending ? 'Checking health…' : 'Run the health check'}
      </button>
      <button type="button" onClick={() => verify.mutate({ hotfixId: h.id, outcome: 'healthy' })} disabled={verify.isPending}>
        Checked: healthy
      </button>
      <button type="button" onClick={() => verify.mutate({ hotfixId: h.id, outcome: 'unhealthy' })} disabled={verify.isPending}>
        Checked: not healthy
      </button>
      <ErrorNotice error={verify.error} title="The verification was not recorded" />
    </div>
  );
}

export function TagStep({ incidentId, hotfix: h }: StepProps) {
  const tag = useHotfixCall(incidentId, 'hotfix.tag');
  if (h.stage !== 'verified') return null;
  return (
    <div className="hotfix-actions">
      <button type="button" onClick={() => tag.mutate({ hotfixId: h.id })} disabled={tag.isPending}>
        Create and push the tag
      </button>
      <ErrorNotice error={tag.error} title="The tag was not pushed" />
    </div>
  );
}

export function JiraStep({ incidentId, hotfix: h }: StepProps) {
  const [issueKey, setIssueKey] = useState('');
  const notify = useHotfixCall(incidentId, 'hotfix.notifyJira');
  if (!h.tag || h.jira) return null;
  return (
    <form
      className="hotfix-inline-form"
      aria-label="Tell Jira"
      onSubmit={(e) => {
        e.preventDefault();
        notify.mutate({ hotfixId: h.id, ...(issueKey.trim() ? { issueKey: issueKey.trim().toUpperCase() } : {}) });
      }}
    >
      <label>
        Jira issue (empty: the incident’s linked issue)
        <input value={issueKey} onChange={(e) => setIssueKey(e.target.value)} placeholder="OPS-123" />
      </label>
      <button type="submit" disabled={notify.isPending}>
        Queue comment and follow-up ticket
      </button>
      <ErrorNotice error={notify.error} title="Jira was not told" />
    </form>
  );
}

export function CloseHotfix({ incidentId, hotfix: h }: StepProps) {
  const [reason, setReason] = useState('');
  const close = useHotfixCall(incidentId, 'hotfix.close');
  if (h.stage === 'closed') return <p className="pane-meta">Closed ({h.closed?.outcome}){h.closed?.reason ? `: ${h.closed.reason}` : ''}</p>;
  if (h.stage === 'tagged') {
    return (
      <div className="hotfix-actions">
        <button type="button" onClick={() => close.mutate({ hotfixId: h.id, outcome: 'shipped' })} disabled={close.isPending}>
          Close as shipped
        </button>
        <ErrorNotice error={close.error} title="The hot fix was not closed" />
      </div>
    );
  }
  if (h.stage !== 'open' && h.stage !== 'approved') return null;
  return (
    <details className="hotfix-abandon">
      <summary>Abandon this hot fix</summary>
      <form
        className="hotfix-inline-form"
        aria-label="Abandon the hot fix"
        onSubmit={(e) => {
          e.preventDefault();
          close.mutate({ hotfixId: h.id, outcome: 'abandoned', reason });
        }}
      >
        <label>
          Why
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. shipping it as a patch instead" />
        </label>
        <button type="submit" disabled={close.isPending}>
          Abandon
        </button>
        <ErrorNotice error={close.error} title="The hot fix was not closed" />
      </form>
    </details>
  );
}
