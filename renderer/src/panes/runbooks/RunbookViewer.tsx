// Reads one runbook: its facts, any problems in the file, the safely rendered Markdown with copyable code, and Attach.
import { ErrorNotice } from '../../ui/ErrorNotice';
import { handleCopyClick } from './copy-code';
import { useRunbook } from './runbook-queries';

export function RunbookViewer({
  runbookId,
  attached,
  canAttach,
  attaching,
  onAttach,
}: {
  runbookId: string;
  attached: boolean;
  canAttach: boolean;
  attaching: boolean;
  onAttach: () => void;
}) {
  const detail = useRunbook(runbookId);
  if (detail.error) return <ErrorNotice error={detail.error} title="This runbook could not be opened" />;
  if (!detail.data) return <p className="loading">Loading runbook…</p>;
  const { runbook, html, steps } = detail.data;
  return (
    <article className="runbook-viewer" aria-label={`Runbook: ${runbook.title}`}>
      <header className="runbook-viewer-header">
        <h3>{runbook.title}</h3>
        {canAttach ? (
          <button type="button" className="primary" disabled={attached || attaching || steps.length === 0} onClick={onAttach}>
            {attached ? 'Attached' : attaching ? 'Attaching…' : 'Attach to incident'}
          </button>
        ) : null}
        {canAttach && !attached && steps.length === 0 ? (
          <span className="field-hint">No checklist to attach: this runbook has no “- [ ]” or numbered steps.</span>
        ) : null}
      </header>
      <dl className="runbook-facts">
        {runbook.services.length > 0 ? <><dt>Services</dt><dd>{runbook.services.join(', ')}</dd></> : null}
        {runbook.severities.length > 0 ? <><dt>Severities</dt><dd>{runbook.severities.join(', ')}</dd></> : null}
        {runbook.tags.length > 0 ? <><dt>Tags</dt><dd>{runbook.tags.join(', ')}</dd></> : null}
        {runbook.owners.length > 0 ? <><dt>Owners</dt><dd>{runbook.owners.join(', ')}</dd></> : null}
        {runbook.estimatedMinutes ? <><dt>Estimate</dt><dd>{runbook.estimatedMinutes} min</dd></> : null}
        <dt>Steps</dt>
        <dd>{steps.length}</dd>
        <dt>Source</dt>
        <dd title={runbook.version}>
          {runbook.origin}: {runbook.path}
        </dd>
      </dl>
      {runbook.problems.length > 0 ? (
        <div className="runbook-problems" role="alert">
          <strong>Problems in this file</strong>
          <ul>
            {runbook.problems.map((p, i) => (
              <li key={i}>
                {p.line ? `Line ${p.line}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {/* The HTML comes from the core's renderer: raw HTML escaped, links http(s)/mailto only and opened outside the app. */}
      <div className="runbook-markdown" onClick={handleCopyClick} dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
