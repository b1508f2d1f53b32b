// Small Jira forms: link an existing issue by key, create an issue or action item, find related issues by JQL.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { getClient } from '../../api/client';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useIncidentConnectorMutations } from './connector-queries';
import { FormActions } from '../../ui/FormActions';

export function LinkIssueForm({ incidentId }: { incidentId: string }) {
  const { linkJira } = useIncidentConnectorMutations(incidentId);
  const [key, setKey] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    linkJira.mutate({ issueKey: key }, { onSuccess: () => setKey('') });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Link Jira issue">
      <input aria-label="Jira issue key" value={key} onChange={(e) => setKey(e.target.value)} placeholder="OPS-123" />
      <button type="submit" disabled={!key.trim() || linkJira.isPending}>
        Link issue
      </button>
      <ErrorNotice error={linkJira.error} title="Not linked" />
    </form>
  );
}

export function CreateIssueForm({ incidentId, onDone }: { incidentId: string; onDone: () => void }) {
  const { createJira } = useIncidentConnectorMutations(incidentId);
  const [projectKey, setProjectKey] = useState('');
  const [issueType, setIssueType] = useState('Task');
  const [summary, setSummary] = useState('');
  const [description, setDescription] = useState('');
  const [actionItem, setActionItem] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    createJira.mutate({ projectKey: projectKey.trim().toUpperCase(), issueType, summary, ...(description.trim() ? { description } : {}), actionItem }, { onSuccess: onDone });
  };
  return (
    <form className="form create-issue" onSubmit={submit} aria-label="Create Jira issue">
      <div className="inline-form">
        <input aria-label="Project key" value={projectKey} onChange={(e) => setProjectKey(e.target.value)} placeholder="Project (OPS)" required />
        <input aria-label="Issue type" value={issueType} onChange={(e) => setIssueType(e.target.value)} placeholder="Issue type" required />
      </div>
      <input aria-label="Summary" value={summary} onChange={(e) => setSummary(e.target.value)} placeholder="Summary" required />
      <textarea aria-label="Description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Description (Markdown)" />
      <label className="inline-check">
        <input type="checkbox" checked={actionItem} onChange={(e) => setActionItem(e.target.checked)} /> Post-incident action item
      </label>
      <ErrorNotice error={createJira.error} title="Not queued" />
      <FormActions onCancel={onDone} submitLabel="Queue creation" disabled={createJira.isPending} />
    </form>
  );
}

export function RelatedIssues() {
  const [jql, setJql] = useState('');
  const search = useMutation({ mutationFn: (query: string) => getClient().callOrThrow('jira.search', { jql: query, limit: 50 }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    search.mutate(jql);
  };
  return (
    <details className="related-issues">
      <summary>Related issues (JQL)</summary>
      <form className="inline-form" onSubmit={submit} aria-label="Search Jira">
        <input aria-label="JQL" value={jql} onChange={(e) => setJql(e.target.value)} placeholder='project = OPS AND labels = "checkout"' />
        <button type="submit" disabled={!jql.trim() || search.isPending}>
          Search
        </button>
      </form>
      <ErrorNotice error={search.error} title="Search failed" />
      {search.data ? (
        <ul className="issue-list">
          {search.data.length === 0 ? <li className="field-hint">No issues match.</li> : null}
          {search.data.map((i) => (
            <li key={i.key}>
              <a href={i.url} target="_blank" rel="noreferrer">
                {i.key}
              </a>{' '}
              <span className="issue-status">{i.status}</span> {i.summary}
              {i.note ? <span className="field-hint issue-note">{i.note}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
