// Settings for the update cadence per severity: when the first update is due, how often after that, and to whom.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { audiences, type Audience } from '../../../../shared/events';
import { severities, type Severity } from '../../../../shared/incidents/severity';
import { CadencePolicy } from '../../../../shared/updates/cadence';
import { CallError, getClient } from '../../api/client';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { policyOf, rowOf, type CadenceRow } from './cadence-form';

const policyKey = ['updates-policy'] as const;

function RowEditor({ severity, row, labels, onChange }: { severity: Severity; row: CadenceRow; labels: Record<Audience, string>; onChange(row: CadenceRow): void }) {
  const field = (name: 'first' | 'every' | 'until' | 'then', label: string) => (
    <label className="cadence-field">
      {label}
      <input inputMode="numeric" aria-label={`${severity} ${label}`} value={row[name]} disabled={!row.on} onChange={(e) => onChange({ ...row, [name]: e.target.value })} />
    </label>
  );
  return (
    <fieldset className="cadence-row">
      <legend>
        <label>
          <input type="checkbox" checked={row.on} onChange={(e) => onChange({ ...row, on: e.target.checked })} /> {severity}
        </label>
      </legend>
      {field('first', 'first update within (min)')}
      {field('every', 'then every (min)')}
      {field('until', 'until the incident is (min) old')}
      {field('then', 'after that every (min)')}
      <div className="cadence-audiences">
        {audiences.map((a) => (
          <label key={a}>
            <input
              type="checkbox"
              disabled={!row.on}
              checked={row.audiences.includes(a)}
              onChange={(e) => onChange({ ...row, audiences: e.target.checked ? [...row.audiences, a] : row.audiences.filter((x) => x !== a) })}
            />
            {labels[a]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CadenceSettings({ labels }: { labels: Record<Audience, string> }) {
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: policyKey, queryFn: () => getClient().callOrThrow('updates.policy', {}) });
  const [rows, setRows] = useState<Record<Severity, CadenceRow>>();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  if (policy.error) return <ErrorNotice error={policy.error} title="The update cadence could not be loaded" />;
  if (!policy.data) return null;
  const current = rows ?? (Object.fromEntries(severities.map((s) => [s, rowOf(policy.data.policy[s])])) as Record<Severity, CadenceRow>);

  async function save() {
    setSaved(false);
    const parsed = CadencePolicy.safeParse(policyOf(current));
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => `${i.path.join(' ')}: ${i.message}`);
      setError(new CallError({ code: 'validation', message: `The cadence was not saved: ${details[0]}`, details }));
      return;
    }
    const result = await getClient().call('updates.savePolicy', { policy: parsed.data });
    if (!result.ok) {
      setError(new CallError(result.error));
      return;
    }
    setError(undefined);
    setRows(undefined);
    setSaved(true);
    queryClient.setQueryData(policyKey, result.value);
    // Every incident's countdown depends on the policy.
    void queryClient.invalidateQueries({ queryKey: ['updates'] });
  }

  return (
    <details className="cadence-settings">
      <summary>Update cadence per severity</summary>
      {policy.data.problem ? <p className="update-policy-problem">{policy.data.problem}</p> : null}
      <p className="draft-help">New incidents take these settings and record them in their log; an incident keeps the cadence it recorded, or the one its commander set.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {severities.map((s) => (
          <RowEditor key={s} severity={s} row={current[s]} labels={labels} onChange={(row) => setRows({ ...current, [s]: row })} />
        ))}
        <ErrorNotice error={error} title="Cadence not saved" />
        <div className="draft-actions">
          <button type="submit" disabled={!rows}>
            Save cadence
          </button>
          {saved ? <span className="draft-note">Saved to {policy.data.file}</span> : null}
        </div>
      </form>
    </details>
  );
}
