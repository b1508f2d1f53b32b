// Linked Jira issues: status, comments (Markdown → ADF in the core), transitions, plus linking, creating and reading back.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { LinkedJiraIssue } from '../../../../shared/connectors/incident-links';
import { getClient } from '../../api/client';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useIncidentConnectorMutations } from './connector-queries';
import { CreateIssueForm, LinkIssueForm, RelatedIssues } from './JiraForms';

function IssueRow({ incidentId, issue, readOnly }: { incidentId: string; issue: LinkedJiraIssue; readOnly: boolean }) {
  const m = useIncidentConnectorMutations(incidentId);
  const transitions = useMutation({ mutationFn: () => getClient().callOrThrow('jira.transitions', { issueKey: issue.issueKey }) });
  return (
    <li className="issue-row" data-issue={issue.issueKey}>
      <a href={issue.url} target="_blank" rel="noreferrer">
        {issue.issueKey}
      </a>
      <span className="issue-status">{issue.status}</span>
      {issue.actionItem ? <span className="kind-badge">action item</span> : null}
      <span className="issue-summary">{issue.summary}</span>
      {!readOnly ? (
        transitions.data ? (
          <select aria-label={`Move ${issue.issueKey}`} defaultValue="" onChange={(e) => e.target.value && m.transitionJira.mutate({ issueKey: issue.issueKey, transitionId: e.target.value })}>
            <option value="">Move to…</option>
            {transitions.data.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.to ? ` → ${t.to}` : ''}
              </option>
            ))}
          </select>
        ) : (
          <button type="button" className="link-button" onClick={() => transitions.mutate()} disabled={transitions.isPending}>
            Transitions
          </button>
        )
      ) : null}
      <ErrorNotice error={transitions.error ?? m.transitionJira.error} title={`${issue.issueKey} transitions`} />
    </li>
  );
}

export function JiraSection({ incidentId, issues, readOnly }: { incidentId: string; issues: readonly LinkedJiraIssue[]; readOnly: boolean }) {
  const m = useIncidentConnectorMutations(incidentId);
  const [creating, setCreating] = useState(false);
  const [comment, setComment] = useState('');
  const [target, setTarget] = useState('');
  const issueKey = target || issues.find((i) => !i.actionItem)?.issueKey || issues[0]?.issueKey || '';
  return (
    <div className="connector-section" data-section="jira">
      {issues.length === 0 ? <p className="field-hint">No Jira issue linked.</p> : null}
      <ul className="issue-list">
        {issues.map((i) => (
          <IssueRow key={i.issueKey} incidentId={incidentId} issue={i} readOnly={readOnly} />
        ))}
      </ul>
      {!readOnly ? (
        <>
          {issues.length > 0 ? (
            <div className="compose">
              <select aria-label="Comment on issue" value={issueKey} onChange={(e) => setTarget(e.target.value)}>
                {issues.map((i) => (
                  <option key={i.issueKey} value={i.issueKey}>
                    {i.issueKey}
                  </option>
                ))}
              </select>
              <textarea aria-label="Jira comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Comment (Markdown)" />
              <button type="button" className="primary" disabled={!comment.trim() || m.commentJira.isPending} onClick={() => m.commentJira.mutate({ issueKey, markdown: comment }, { onSuccess: () => setComment('') })}>
                Queue
              </button>
            </div>
          ) : null}
          <div className="row-actions">
            <LinkIssueForm incidentId={incidentId} />
            <button type="button" onClick={() => setCreating(!creating)}>
              Create issue…
            </button>
            {issues.length > 0 ? (
              <button type="button" onClick={() => m.syncJira.mutate({})} disabled={m.syncJira.isPending}>
                {m.syncJira.isPending ? 'Reading…' : 'Read comments & status'}
              </button>
            ) : null}
          </div>
          {m.syncJira.data ? <p className="field-hint">{m.syncJira.data.imported} new entries added to the timeline.</p> : null}
          {creating ? <CreateIssueForm incidentId={incidentId} onDone={() => setCreating(false)} /> : null}
          <RelatedIssues />
        </>
      ) : null}
      <ErrorNotice error={m.commentJira.error ?? m.syncJira.error} title="Jira" />
    </div>
  );
}
