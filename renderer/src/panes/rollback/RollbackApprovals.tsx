// Approvals of a planned rollback: who approved (name, handle), and "Approve as <you>" for the person using this installation.
// With sync the approver does this on their own laptop; here it records an approval under this installation's identity.
import type { RollbackState } from '../../../../shared/rollback/rollback-state';
import { hasApproved } from '../../../../shared/rollback/rollback-approvals';
import { useIdentity } from '../../identity/identity-queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useRollbackMutations } from './rollback-queries';

export const approvalLabel = (a: { by: string; handle?: string | undefined }) => (a.handle ? `${a.by} (@${a.handle})` : a.by);

export function RollbackApprovals({ incidentId, rollback, canApprove }: { incidentId: string; rollback: RollbackState; canApprove: boolean }) {
  const me = useIdentity().data;
  const { approve } = useRollbackMutations(incidentId);
  const approvals = rollback.approvals ?? [];
  const mine = !!me?.name && hasApproved(rollback, me.name, me.handle);
  if (!canApprove && approvals.length === 0) return null;
  return (
    <div className="rollback-approvals">
      <p className="pane-meta" aria-label="Approvals">
        {approvals.length ? `Approved by ${approvals.map(approvalLabel).join(', ')}` : 'Not approved by anyone yet'}
      </p>
      {canApprove && me?.name && !mine ? (
        <button type="button" onClick={() => approve.mutate({ rollbackId: rollback.id })} disabled={approve.isPending}>
          Approve as {me.name}
        </button>
      ) : null}
      <ErrorNotice error={approve.error} title="Approval not recorded" />
    </div>
  );
}
