// Turns the review's open action items into Jira issues (queued through the outbox) when the Jira connector is configured.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { actionItemsOf } from '../../../shared/review/action-items';
import { getClient } from '../api/client';
import { ErrorNotice } from '../ui/ErrorNotice';

export function ActionItemsToJira({ incidentId, markdown }: { incidentId: string; markdown: string }) {
  const items = actionItemsOf(markdown);
  const [projectKey, setProjectKey] = useState('');
  const [issueType, setIssueType] = useState('Task');
  const create = useMutation({
    mutationFn: async () => {
      for (const summary of items) {
        await getClient().callOrThrow('jira.createIssue', { incidentId, projectKey: projectKey.trim().toUpperCase(), issueType, summary: summary.slice(0, 255), actionItem: true });
      }
      return items.length;
    },
  });
  if (items.length === 0) return null;
  return (
    <fieldset className="action-items-jira">
      <legend>Action items → Jira</legend>
      <label>
        Project key
        <input value={projectKey} onChange={(e) => setProjectKey(e.target.value)} placeholder="OPS" />
      </label>
      <label>
        Issue type
        <input value={issueType} onChange={(e) => setIssueType(e.target.value)} />
      </label>
      <button type="button" disabled={!projectKey.trim() || create.isPending} onClick={() => create.mutate()}>
        Create {items.length} Jira issue(s)
      </button>
      {create.isSuccess ? <p role="status">{create.data} issue(s) queued; see the outbox for their progress.</p> : null}
      <ErrorNotice error={create.error} title="Not all action items were queued" />
    </fieldset>
  );
}
