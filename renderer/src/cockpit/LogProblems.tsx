// Shows what is wrong with the incident log: a disk that refuses writes (the incident is read-only until space is back), what
// crash recovery did (kept until acknowledged, even across restarts), and quarantined or unreadable lines with file and line.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LogProblem } from '../../../shared/ipc';
import { getClient } from '../api/client';
import { queryKeys } from '../api/queries';

interface Props {
  incidentId: string;
  problems: readonly LogProblem[];
  /** A review bundle opened read-only: nothing can be acknowledged there. */
  readOnly?: boolean;
}

export function LogProblems({ incidentId, problems, readOnly = false }: Props) {
  const queryClient = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: () => getClient().callOrThrow('incidents.acknowledgeRecovery', { incidentId }),
    onSuccess: (item) => queryClient.setQueryData(queryKeys.incident(incidentId), item),
  });
  const blocked = problems.filter((p) => p.kind === 'write_blocked');
  const found = problems.filter((p) => p.kind !== 'write_blocked');
  const recovered = found.some((p) => p.kind === 'torn_tail');
  return (
    <>
      {blocked.map((p) => (
        <section key="write-blocked" className="log-problems write-blocked" role="alert" aria-label="Saving is paused">
          <h2>Saving is paused: this incident is read-only</h2>
          <p>{p.message}</p>
        </section>
      ))}
      {found.length > 0 ? (
        <section className="log-problems" role="alert" aria-label="Incident log problems">
          <h2>The incident log needed attention</h2>
          <ul>
            {found.map((p) => (
              <li key={`${p.kind}-${p.line}-${p.message}`}>
                <strong>
                  {p.file}:{p.line}
                </strong>{' '}
                {p.message}
                {p.excerpt ? <code className="excerpt">{p.excerpt}</code> : null}
              </li>
            ))}
          </ul>
          {recovered && !readOnly ? (
            <div className="log-problems-actions">
              <button type="button" onClick={() => acknowledge.mutate()} disabled={acknowledge.isPending}>
                I have seen the recovery report
              </button>
              {acknowledge.error ? <span className="error-code">{acknowledge.error.message}</span> : null}
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
