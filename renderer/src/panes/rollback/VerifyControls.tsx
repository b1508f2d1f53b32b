// Manual verification of a completed rollback (used when no health query runs): healthy or still unhealthy, with a note.
import { useState } from 'react';
import type { RollbackState } from '../../../../shared/rollback/rollback-state';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useRollbackMutations } from './rollback-queries';

export function VerifyControls({ incidentId, rollback }: { incidentId: string; rollback: RollbackState }) {
  const [note, setNote] = useState('');
  const { verify } = useRollbackMutations(incidentId);
  const automatic = rollback.steps.find((s) => s.step === 'verify');
  const send = (outcome: 'healthy' | 'unhealthy') => verify.mutate({ rollbackId: rollback.id, outcome, ...(note.trim() ? { note: note.trim() } : {}) });
  return (
    <div className="rollback-verify" aria-label="Verify the rollback">
      <p>
        {automatic?.status === 'started'
          ? `Checking health: ${automatic.label}. You can also decide by hand.`
          : 'Check the service (dashboards, error rate, a test request) and record what you see.'}
      </p>
      <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="What did you check? (optional)" aria-label="Verification note" />
      <div className="form-actions">
        <button type="button" onClick={() => send('unhealthy')} disabled={verify.isPending}>
          Still unhealthy
        </button>
        <button type="button" className="primary" onClick={() => send('healthy')} disabled={verify.isPending}>
          Verified healthy
        </button>
      </div>
      <ErrorNotice error={verify.error} title="Verification not recorded" />
    </div>
  );
}
