// One hot fix as a track of steps, each with its state and, live, the controls to do it; the blockers first, each with its fix.
import type { ReactNode } from 'react';
import { rolloutBlockers } from '../../../../shared/hotfix/hotfix-blockers';
import type { HotfixState } from '../../../../shared/hotfix/hotfix-state';
import type { RolloutState } from '../../../../shared/hotfix/rollout-state';
import type { ServiceConfig } from '../../../../shared/services/service-config';
import { ApprovalStep } from './ApprovalStep';
import { ChangeStep } from './ChangeStep';
import { CloseHotfix, JiraStep, TagStep, VerifyStep } from './ShipSteps';
import { CriteriaStep, RollbackStep } from './EarlySteps';
import { TestsStep } from './TestsStep';
import { RolloutSection } from './rollout/RolloutSection';
import { statusLabels, trackSteps, type TrackStep } from './hotfix-view';

interface Props {
  incidentId: string;
  hotfix: HotfixState;
  service: ServiceConfig | undefined;
  /** This hot fix's controlled rollouts, oldest first. */
  rollouts: readonly RolloutState[];
  readOnly: boolean;
}

export function HotfixTrack({ incidentId, hotfix: h, service, rollouts, readOnly }: Props) {
  const blockers = h.stage === 'open' ? rolloutBlockers(h) : [];
  const editable = !readOnly && (h.stage === 'open' || h.stage === 'approved');
  // In playback the facts stay (diff stat, test output, approvals); only the controls go.
  const facts: Partial<Record<TrackStep['id'], ReactNode>> = {
    change: <ChangeStep incidentId={incidentId} hotfix={h} editable={false} />,
    tests: <TestsStep incidentId={incidentId} hotfix={h} service={service} editable={false} />,
    approval: <ApprovalStep incidentId={incidentId} hotfix={h} editable={false} />,
    rollout: <RolloutSection incidentId={incidentId} hotfix={h} service={service} rollouts={rollouts} readOnly />,
  };
  const controls: Partial<Record<TrackStep['id'], ReactNode>> = readOnly
    ? facts
    : {
        criteria: editable ? <CriteriaStep incidentId={incidentId} hotfix={h} /> : null,
        rollback: editable ? <RollbackStep incidentId={incidentId} hotfix={h} service={service} /> : null,
        change: <ChangeStep incidentId={incidentId} hotfix={h} editable={editable} />,
        tests: <TestsStep incidentId={incidentId} hotfix={h} service={service} editable={editable} />,
        approval: <ApprovalStep incidentId={incidentId} hotfix={h} editable={editable} />,
        rollout: <RolloutSection incidentId={incidentId} hotfix={h} service={service} rollouts={rollouts} readOnly={false} />,
        verify: <VerifyStep incidentId={incidentId} hotfix={h} />,
        tag: <TagStep incidentId={incidentId} hotfix={h} />,
        jira: <JiraStep incidentId={incidentId} hotfix={h} />,
      };
  return (
    <div className="hotfix-track">
      <p className="hotfix-intro">
        <strong>{h.service}</strong>: {h.symptom} — <span className="pane-meta">intended change:</span> {h.intendedChange}
      </p>
      {blockers.length > 0 ? (
        <div className="hotfix-blockers" role="status" aria-label="What blocks the rollout">
          <strong>What blocks the rollout</strong>
          <ul>
            {blockers.map((b) => (
              <li key={b.step}>
                {b.problem} <span className="hotfix-fix">{b.fix}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ol className="hotfix-steps" aria-label="Hot-fix track">
        {trackSteps(h).map((s) => (
          <li key={s.id} className={`hotfix-step step-${s.status}`} aria-label={`${s.title}: ${statusLabels[s.status]}`}>
            <div className="hotfix-step-head">
              <span className="hotfix-step-title">{s.title}</span>
              <span className={`hotfix-chip chip-${s.status}`}>{statusLabels[s.status]}</span>
            </div>
            <p className="hotfix-step-summary">{s.summary}</p>
            {controls[s.id] ?? null}
          </li>
        ))}
      </ol>
      {!readOnly ? <CloseHotfix incidentId={incidentId} hotfix={h} /> : h.closed ? <p className="pane-meta">Closed ({h.closed.outcome}){h.closed.reason ? `: ${h.closed.reason}` : ''}</p> : null}
    </div>
  );
}
