// The controlled rollout of a hot fix: start it once approved, follow each stage and its canary analysis, go on when it
// waits for a click, retry a paused analysis, or stop it; after an abort it points to the guarded rollback.
import { useState } from 'react';
import type { HotfixState } from '../../../../../shared/hotfix/hotfix-state';
import type { RolloutState } from '../../../../../shared/hotfix/rollout-state';
import type { ServiceConfig } from '../../../../../shared/services/service-config';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { OfferedRollback } from './OfferedRollback';
import { RolloutStages } from './RolloutStages';
import { rolloutSummary } from './rollout-labels';
import { useRolloutCall } from './rollout-queries';
import './rollout.css';

interface Props {
  incidentId: string;
  hotfix: HotfixState;
  service: ServiceConfig | undefined;
  /** This hot fix's rollouts, oldest first (live from the core, or replayed in playback). */
  rollouts: readonly RolloutState[];
  readOnly: boolean;
}

function Controls({ incidentId, rollout }: { incidentId: string; rollout: RolloutState }) {
  const advance = useRolloutCall(incidentId, 'hotfix.advanceStage');
  const cancel = useRolloutCall(incidentId, 'hotfix.cancelStage');
  const [reason, setReason] = useState('');
  if (rollout.status === 'completed' || rollout.status === 'aborted') return null;
  const index = rollout.stages.findIndex((s) => s.id === rollout.currentStageId);
  const next = rollout.stages[index + 1];
  return (
    <div className="hotfix-actions">
      {rollout.status === 'waiting' && next ? (
        <button type="button" onClick={() => advance.mutate({ rolloutId: rollout.id })} disabled={advance.isPending}>
          Start {next.label}
        </button>
      ) : null}
      {rollout.status === 'paused' ? (
        <button type="button" onClick={() => advance.mutate({ rolloutId: rollout.id })} disabled={advance.isPending}>
          Retry the analysis
        </button>
      ) : null}
      <input aria-label="Why stop the rollout" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why stop (optional)" />
      <button type="button" className="danger" onClick={() => cancel.mutate({ rolloutId: rollout.id, ...(reason.trim() ? { reason: reason.trim() } : {}) })} disabled={cancel.isPending}>
        {cancel.isPending ? 'Stopping…' : 'Stop the rollout'}
      </button>
      <ErrorNotice error={advance.error ?? cancel.error} title="The rollout did not change" />
    </div>
  );
}

export function RolloutSection({ incidentId, hotfix: h, service, rollouts, readOnly }: Props) {
  const start = useRolloutCall(incidentId, 'hotfix.startRollout');
  const rollout = rollouts.at(-1);
  const canStart = !readOnly && h.stage === 'approved' && (!rollout || rollout.status === 'aborted');
  return (
    <div className="rollout-section" aria-label="Controlled rollout" role="region">
      {rollout ? (
        <p className="hotfix-step-summary" role="status">
          {rolloutSummary(rollout, h.stage === 'rolled-out')}
        </p>
      ) : null}
      {rollout?.status === 'aborted' && rollout.rollback ? <OfferedRollback incidentId={incidentId} hotfix={h} rollout={rollout} readOnly={readOnly} /> : null}
      {rollout ? <RolloutStages incidentId={incidentId} rollout={rollout} live={!readOnly} /> : null}
      {!readOnly && rollout ? <Controls incidentId={incidentId} rollout={rollout} /> : null}
      {canStart ? (
        service?.rollout ? (
          <div className="hotfix-actions">
            <button type="button" onClick={() => start.mutate({ hotfixId: h.id })} disabled={start.isPending}>
              {rollout ? 'Start the rollout again' : 'Start the rollout'}
            </button>
            <span className="field-hint">{service.rollout.stages.map((s) => s.label).join(' → ')}</span>
          </div>
        ) : (
          <p className="field-hint">{h.service} has no rollout stages configured; add a “rollout” section to the service (stages and canary queries).</p>
        )
      ) : null}
      <ErrorNotice error={start.error} title="The rollout did not start" />
    </div>
  );
}
