// The audit trail: every rollback of the incident with who planned/confirmed it, its outcome and SHAs; selecting one opens it.
import type { RollbackState } from '../../../../shared/rollback/rollback-state';
import { shortSha, stageLabel, strategyLabels } from './rollback-view';
import { Time } from '../../time/Time';


export function AuditTrail({ rollbacks, selectedId, onSelect }: { rollbacks: readonly RollbackState[]; selectedId: string | undefined; onSelect: (id: string) => void }) {
  if (rollbacks.length === 0) return null;
  return (
    <div className="rollback-audit">
      <h3>Audit trail</h3>
      <ol aria-label="Rollback audit trail">
        {[...rollbacks].reverse().map((r) => (
          <li key={r.id} data-stage={r.stage}>
            <button type="button" className="audit-entry" aria-pressed={r.id === selectedId} onClick={() => onSelect(r.id)}>
              <Time className="pane-meta" at={r.plannedAt} seconds /> {r.plan.direction === 'roll-forward' ? 'Roll forward' : 'Rollback'} {r.plan.service} ·{' '}
              {strategyLabels[r.plan.strategy]} · <span className={`rollback-stage stage-${r.stage}`}>{stageLabel(r)}</span>
              {r.outcome?.beforeSha ? (
                <span className="sha">
                  {' '}
                  {shortSha(r.outcome.beforeSha)} → {shortSha(r.outcome.afterSha)}
                </span>
              ) : null}
              <span className="pane-meta">
                {' '}
                — {r.confirmedBy ?? r.plannedBy}
                {r.approver ? ` + ${r.approver}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
