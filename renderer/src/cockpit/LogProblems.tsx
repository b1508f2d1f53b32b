// Shows problems found when the incident log was opened (torn tail truncated, corrupt lines quarantined) with file and line.
import type { LogProblem } from '../../../shared/ipc';

export function LogProblems({ problems }: { problems: readonly LogProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <section className="log-problems" role="alert" aria-label="Incident log problems">
      <h2>The incident log needed attention</h2>
      <ul>
        {problems.map((p) => (
          <li key={`${p.kind}-${p.line}`}>
            <strong>
              {p.file}:{p.line}
            </strong>{' '}
            {p.message}
            {p.excerpt ? <code className="excerpt">{p.excerpt}</code> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
