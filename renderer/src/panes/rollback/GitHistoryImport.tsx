// Puts a service's deploy history on the timeline for a range the user picks: by default back to the last two releases before
// the incident (however old), or the last day / week / month, or since a date and time.
import { useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useRollbackMutations } from './rollback-queries';

const ranges = [
  { value: 'releases', label: 'Since the 2 releases before the incident' },
  { value: '24h', label: 'Last 24 hours', ms: 24 * 3_600_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { value: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
  { value: 'date', label: 'Since a date…' },
] as const;
type Range = (typeof ranges)[number]['value'];

/** The `since` to ask for, or an error message for an unusable date; undefined means the default window. */
function sinceOf(range: Range, date: string, now: number): { since?: string } | { error: string } {
  const preset = ranges.find((r) => r.value === range);
  if (preset && 'ms' in preset) return { since: new Date(now - preset.ms).toISOString() };
  if (range !== 'date') return {};
  const ms = Date.parse(date);
  if (!date || Number.isNaN(ms)) return { error: 'Pick the date and time to start from.' };
  if (ms >= now) return { error: 'The start must be in the past.' };
  return { since: new Date(ms).toISOString() };
}

export function GitHistoryImport({ incidentId, service }: { incidentId: string; service: string }) {
  const { importGit } = useRollbackMutations(incidentId);
  const [range, setRange] = useState<Range>('releases');
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string>();
  const run = () => {
    const chosen = sinceOf(range, date, Date.now());
    if ('error' in chosen) return setProblem(chosen.error);
    setProblem(undefined);
    importGit.mutate({ service, ...chosen });
  };
  return (
    <div className="git-history-import" role="group" aria-label="Git history">
      <div className="rollback-form-row">
        <label>
          History range
          <select value={range} onChange={(e) => setRange(e.target.value as Range)}>
            {ranges.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        {range === 'date' ? (
          <label>
            Since
            <input type="datetime-local" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="button" onClick={run} disabled={importGit.isPending}>
          {importGit.isPending ? 'Reading git…' : 'Put git history on timeline'}
        </button>
      </div>
      {problem ? (
        <p className="field-hint" role="alert">
          {problem}
        </p>
      ) : null}
      {importGit.data ? (
        <p className="field-hint" role="status">
          {importGit.data.imported} new commit(s) and {importGit.data.tagsImported} tag(s) from {importGit.data.ref} since{' '}
          {new Date(importGit.data.since).toLocaleString()} put on the timeline
          {importGit.data.alreadyOnTimeline ? `; ${importGit.data.alreadyOnTimeline} already there` : ''}.
        </p>
      ) : null}
      <ErrorNotice error={importGit.error} title="Git history not imported" />
    </div>
  );
}
