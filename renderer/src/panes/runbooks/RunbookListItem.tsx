// One runbook in the library list: title, origin, services and tags, and an error badge when the file has problems.
import type { RunbookSummary } from '../../../../shared/runbooks/runbook';

export function RunbookListItem({ runbook, selected, attached, onSelect }: { runbook: RunbookSummary; selected: boolean; attached: boolean; onSelect: () => void }) {
  const problem = runbook.problems[0];
  return (
    <li className={selected ? 'runbook-item selected' : 'runbook-item'} data-runbook-id={runbook.id}>
      <button type="button" className="runbook-item-button" aria-current={selected ? 'true' : undefined} onClick={onSelect}>
        <span className="runbook-item-title">{runbook.title}</span>
        <span className="runbook-item-meta">
          <span className={`origin-badge origin-${runbook.origin}`}>{runbook.origin}</span>
          {runbook.severities.join(' ')} {runbook.services.length > 0 ? `· ${runbook.services.join(', ')}` : ''} · {runbook.stepCount} steps
          {attached ? <span className="attached-badge">attached</span> : null}
        </span>
        {problem ? (
          <span className="runbook-error-badge" role="note" title={runbook.problems.map((p) => `${p.line ? `line ${p.line}: ` : ''}${p.message}`).join('\n')}>
            ⚠ {problem.line ? `line ${problem.line}: ` : ''}
            {problem.message}
            {runbook.problems.length > 1 ? ` (+${runbook.problems.length - 1} more)` : ''}
          </span>
        ) : null}
      </button>
    </li>
  );
}
