// The cadence in force for this incident, which the commander can tighten or loosen; each change is recorded in the log.
import { useState } from 'react';
import { audiences } from '../../../../shared/events';
import type { UpdateFacts } from '../../../../shared/ipc/updates';
import { CadenceRule } from '../../../../shared/updates/cadence';
import { CallError } from '../../api/client';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useUpdateMutations } from './update-queries';

const originWords: Record<UpdateFacts['policyOrigin'], string> = {
  settings: 'from settings, recorded for this incident',
  commander: 'set for this incident',
  unrecorded: 'from settings',
};

export function IncidentCadence({ incidentId, facts }: { incidentId: string; facts: UpdateFacts }) {
  const { setCadence } = useUpdateMutations(incidentId);
  const [editing, setEditing] = useState(false);
  const [every, setEvery] = useState('');
  const [error, setError] = useState<unknown>();

  async function apply() {
    const minutes = Number(every);
    const rule = { firstWithinMinutes: facts.rule?.firstWithinMinutes ?? 5, phases: [], thenEveryMinutes: minutes, audiences: facts.rule?.audiences ?? [...audiences] };
    const parsed = CadenceRule.safeParse(rule);
    if (!Number.isInteger(minutes) || !parsed.success) {
      setError(new CallError({ code: 'validation', message: `Updates every "${every}" minutes is not possible: give whole minutes from 1 to 1440.` }));
      return;
    }
    try {
      await setCadence.mutateAsync({ rule: parsed.data, reason: `${facts.severity} every ${minutes} min` });
      setError(undefined);
      setEditing(false);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div className="incident-cadence">
      {editing ? (
        <form
          className="incident-cadence-form"
          onSubmit={(e) => {
            e.preventDefault();
            void apply();
          }}
        >
          <label>
            {facts.severity} updates every
            <input inputMode="numeric" value={every} onChange={(e) => setEvery(e.target.value)} aria-label="Minutes between updates for this incident" size={4} />
            min
          </label>
          <button type="submit" disabled={setCadence.isPending}>
            Apply to this incident
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <span data-testid="incident-cadence">
          Cadence for this {facts.severity}: {facts.ruleText} ({originWords[facts.policyOrigin]}){' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setEvery(String(facts.rule?.phases[0]?.everyMinutes ?? facts.rule?.thenEveryMinutes ?? 20));
              setEditing(true);
            }}
          >
            Change
          </button>
        </span>
      )}
      <ErrorNotice error={error} title="Cadence not changed" />
    </div>
  );
}
