// Impact and next step: asked for before the first update, shown in one line after, restated as they change (each an event).
import { useState } from 'react';
import type { UpdateFacts } from '../../../../shared/ipc/updates';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useUpdateMutations } from './update-queries';

interface Props {
  incidentId: string;
  facts: UpdateFacts;
}

export function StakeholderFacts({ incidentId, facts }: Props) {
  const missing = !facts.impact || !facts.nextStep;
  const [editing, setEditing] = useState(false);
  if (missing && !facts.publishedAny) return <FactsForm incidentId={incidentId} facts={facts} first onDone={() => undefined} />;
  if (editing) return <FactsForm incidentId={incidentId} facts={facts} first={false} onDone={() => setEditing(false)} />;
  return (
    <p className="stated-facts" data-testid="stated-facts">
      <span>
        <strong>Impact:</strong> {facts.impact ? `${facts.impact.who} — ${facts.impact.howBadly} (since ${facts.impact.since})` : 'not stated'}
      </span>
      <span>
        <strong>Next step:</strong> {facts.nextStep?.text ?? 'not stated'}
      </span>
      <button type="button" className="link-button" onClick={() => setEditing(true)}>
        Update impact or next step
      </button>
    </p>
  );
}

function FactsForm({ incidentId, facts, first, onDone }: Props & { first: boolean; onDone(): void }) {
  const { setImpact, setNextStep } = useUpdateMutations(incidentId);
  const [who, setWho] = useState(facts.impact?.who ?? '');
  const [howBadly, setHowBadly] = useState(facts.impact?.howBadly ?? '');
  const [since, setSince] = useState(facts.impact?.since ?? '');
  const [next, setNext] = useState(facts.nextStep?.text ?? '');
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState<string[]>([]);

  async function save() {
    const blank = [
      ['Who is affected', who],
      ['How badly', howBadly],
      ['Since when', since],
      ['Next step', next],
    ]
      .filter(([, v]) => !v!.trim())
      .map(([k]) => k!);
    setMissing(blank);
    if (blank.length > 0) return;
    setError(undefined);
    try {
      const impact = facts.impact;
      if (!impact || impact.who !== who.trim() || impact.howBadly !== howBadly.trim() || impact.since !== since.trim()) {
        await setImpact.mutateAsync({ who: who.trim(), howBadly: howBadly.trim(), since: since.trim() });
      }
      if (facts.nextStep?.text !== next.trim()) await setNextStep.mutateAsync({ text: next.trim() });
      onDone();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form
      className="facts-form"
      aria-label={first ? 'Before the first update' : 'Impact and next step'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="facts-intro">
        {first ? 'Before the first update, state the customer impact and the next step. Every audience’s draft uses them.' : 'Restate what changed; the old statement stays on the timeline.'}
      </p>
      <div className="facts-fields">
        <label>
          Who is affected
          <input value={who} onChange={(e) => setWho(e.target.value)} placeholder="EU card payments" aria-invalid={missing.includes('Who is affected')} />
        </label>
        <label>
          How badly
          <input value={howBadly} onChange={(e) => setHowBadly(e.target.value)} placeholder="30% of payments declined" aria-invalid={missing.includes('How badly')} />
        </label>
        <label>
          Since when
          <input value={since} onChange={(e) => setSince(e.target.value)} placeholder="11:52 UTC" aria-invalid={missing.includes('Since when')} />
        </label>
        <label className="facts-next">
          Next step
          <input value={next} onChange={(e) => setNext(e.target.value)} placeholder="Failing over to the backup acquirer" aria-invalid={missing.includes('Next step')} />
        </label>
      </div>
      {missing.length > 0 ? <p className="field-error" role="alert">Fill in: {missing.join(', ')}.</p> : null}
      <ErrorNotice error={error} title="Not saved" />
      <div className="draft-actions">
        <button type="submit" className="primary" disabled={setImpact.isPending || setNextStep.isPending}>
          {first ? 'Save impact and next step' : 'Save'}
        </button>
        {first ? null : (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
