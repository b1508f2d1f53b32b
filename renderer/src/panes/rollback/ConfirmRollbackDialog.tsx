// The confirmation step: the operator types the service name. A second approval is an event the approver records as
// themselves (RollbackApprovals); when the service's policy asks for one, confirming waits until someone else approved.
import { useState } from 'react';
import { secondApproval } from '../../../../shared/rollback/rollback-approvals';
import type { RollbackState } from '../../../../shared/rollback/rollback-state';
import { useIdentity } from '../../identity/identity-queries';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { approvalLabel } from './RollbackApprovals';
import { useRollbackMutations, useServices } from './rollback-queries';

export function ConfirmRollbackDialog({ incidentId, rollback, onClose }: { incidentId: string; rollback: RollbackState; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const { confirm } = useRollbackMutations(incidentId);
  const me = useIdentity().data;
  const services = useServices();
  const name = rollback.plan.service;
  const required = services.data?.services.find((s) => s.name.toLowerCase() === name.toLowerCase())?.rollback?.requireApproval === true;
  const approval = me?.name ? secondApproval(rollback, me.name, me.handle) : undefined;
  const waiting = required && !approval;
  const matches = typed.trim() === name;
  const verb = rollback.plan.direction === 'roll-forward' ? 'Roll forward' : 'Roll back';
  return (
    <Dialog title={`${verb} ${name}?`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!matches || waiting) return;
          confirm.mutate({ rollbackId: rollback.id, typedName: typed }, { onSuccess: onClose });
        }}
      >
        <p>{rollback.plan.summary}</p>
        <p className={waiting ? 'settings-problem' : 'field-hint'} data-testid="approval-status">
          {approval
            ? `Approved by ${approvalLabel(approval)}.`
            : waiting
              ? `${name}'s policy needs the approval of someone other than you. Ask them to approve this plan as themselves ("Approve as …") first.`
              : 'No one else approved this plan; this service does not require it.'}
        </p>
        <label>
          <span>
            Type <strong>{name}</strong> to confirm
          </span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} aria-describedby="rollback-confirm-hint" />
        </label>
        <span id="rollback-confirm-hint" className="field-hint">
          The run starts as soon as you confirm; every step is recorded on the timeline.
        </span>
        <ErrorNotice error={confirm.error} title="Not confirmed" />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Back
          </button>
          <button type="submit" className="primary danger" disabled={!matches || waiting || confirm.isPending}>
            {confirm.isPending ? 'Starting…' : `${verb} ${name}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
