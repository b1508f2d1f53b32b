// The confirmation step: the operator types the service name; a second approver can be named and is recorded.
import { useState } from 'react';
import type { RollbackState } from '../../../../shared/rollback/rollback-state';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useRollbackMutations } from './rollback-queries';

export function ConfirmRollbackDialog({ incidentId, rollback, onClose }: { incidentId: string; rollback: RollbackState; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const [approver, setApprover] = useState('');
  const { confirm } = useRollbackMutations(incidentId);
  const name = rollback.plan.service;
  const matches = typed.trim() === name;
  const verb = rollback.plan.direction === 'roll-forward' ? 'Roll forward' : 'Roll back';
  return (
    <Dialog title={`${verb} ${name}?`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!matches) return;
          confirm.mutate({ rollbackId: rollback.id, typedName: typed, ...(approver.trim() ? { approver: approver.trim() } : {}) }, { onSuccess: onClose });
        }}
      >
        <p>{rollback.plan.summary}</p>
        <label>
          <span>
            Type <strong>{name}</strong> to confirm
          </span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} aria-describedby="rollback-confirm-hint" />
        </label>
        <span id="rollback-confirm-hint" className="field-hint">
          The run starts as soon as you confirm; every step is recorded on the timeline.
        </span>
        <label>
          Second approver (optional)
          <input value={approver} onChange={(e) => setApprover(e.target.value)} placeholder="name of the person who approved" />
        </label>
        <ErrorNotice error={confirm.error} title="Not confirmed" />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Back
          </button>
          <button type="submit" className="primary danger" disabled={!matches || confirm.isPending}>
            {confirm.isPending ? 'Starting…' : `${verb} ${name}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
