// Approval (a streamlined CAB): who approved and exactly what — the diff, the tests and the rollout plan — and the form to
// approve as the person using this installation ("Approve as <you>"; with team sync each approver does it on their own laptop).
// The core refuses whoever wrote or opened the fix, a repeat approval and, where the rule says so, anyone not on the CAB list.
import { useState } from 'react';
import { approvalProgress, readinessBlockers } from '../../../../shared/hotfix/hotfix-blockers';
import type { HotfixState } from '../../../../shared/hotfix/hotfix-state';
import { useIdentity } from '../../identity/identity-queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useHotfixCall } from './hotfix-queries';

export function ApprovalStep({ incidentId, hotfix: h, editable }: { incidentId: string; hotfix: HotfixState; editable: boolean }) {
  const me = useIdentity().data;
  const [comment, setComment] = useState('');
  const approve = useHotfixCall(incidentId, 'hotfix.approve');
  const { missing } = approvalProgress(h);
  const ready = readinessBlockers(h).length === 0;
  return (
    <>
      {h.approvals.length > 0 ? (
        <ul className="hotfix-list" aria-label="Approvals">
          {h.approvals.map((a) => (
            <li key={`${a.approver}-${a.at}`}>
              <strong>{a.approver}</strong>
              {a.handle ? <span className="pane-meta"> @{a.handle}</span> : null} <span className="pane-meta">{new Date(a.at).toISOString().slice(11, 16)} UTC</span>
              {a.comment ? ` — ${a.comment}` : ''}
              <details>
                <summary>What was approved</summary>
                <dl className="hotfix-facts">
                  <dt>Diff</dt>
                  <dd>{a.approved.diff}</dd>
                  <dt>Tests</dt>
                  <dd>{a.approved.tests}</dd>
                  <dt>Plan</dt>
                  <dd>{a.approved.rolloutPlan}</dd>
                </dl>
              </details>
            </li>
          ))}
        </ul>
      ) : null}
      {editable && ready && missing > 0 && me?.name ? (
        <form
          className="hotfix-inline-form"
          aria-label="Approve the hot fix"
          onSubmit={(e) => {
            e.preventDefault();
            approve.mutate({ hotfixId: h.id, ...(comment.trim() ? { comment: comment.trim() } : {}) }, { onSuccess: () => setComment('') });
          }}
        >
          <label>
            Comment (optional)
            <input value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <button type="submit" disabled={approve.isPending}>
            Approve as {me.name}
          </button>
          <ErrorNotice error={approve.error} title="The approval was not recorded" />
        </form>
      ) : null}
    </>
  );
}
