// One rollback in full: the plan (commits, SHAs, commands, push), its steps with output, the outcome and what can be done next.
import { useState } from 'react';
import { splitJiraKeys } from '../../../../shared/git/jira-keys';
import type { RollbackState } from '../../../../shared/rollback/rollback-state';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ConfirmRollbackDialog } from './ConfirmRollbackDialog';
import { RollbackApprovals } from './RollbackApprovals';
import { useRollbackMutations, useRollbackOutput } from './rollback-queries';
import { actionsFor, shortSha, stageLabel, strategyLabels } from './rollback-view';
import { VerifyControls } from './VerifyControls';

function WithJiraKeys({ text }: { text: string }) {
  return (
    <>
      {splitJiraKeys(text).map((p, i) =>
        p.jiraKey ? (
          <mark key={i} className="jira-key" title={`Jira issue ${p.jiraKey}`}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

function PlanDetails({ rollback }: { rollback: RollbackState }) {
  const { plan } = rollback;
  return (
    <div className="rollback-plan">
      <p className="rollback-summary">{plan.summary}</p>
      <dl className="rollback-facts">
        {plan.push ? (
          <>
            <dt>Ref</dt>
            <dd>
              {plan.push.remote} {plan.push.ref}
            </dd>
          </>
        ) : null}
        {plan.beforeSha ? (
          <>
            <dt>Before</dt>
            <dd className="sha">{shortSha(plan.beforeSha)}</dd>
          </>
        ) : null}
        {plan.push ? (
          <>
            <dt>After</dt>
            <dd className="sha">{plan.afterSha ? shortSha(plan.afterSha) : rollback.outcome?.afterSha ? shortSha(rollback.outcome.afterSha) : 'new revert commit'}</dd>
          </>
        ) : null}
        {plan.target ? (
          <>
            <dt>Known good</dt>
            <dd>
              {plan.target.label} <span className="sha">{shortSha(plan.target.sha)}</span>
            </dd>
          </>
        ) : null}
        {plan.request ? (
          <>
            <dt>Request</dt>
            <dd>
              {plan.request.method} {plan.request.url}
            </dd>
          </>
        ) : null}
      </dl>
      {plan.commits.length > 0 ? (
        <ol className="rollback-commits" aria-label="Commits">
          {plan.commits.map((c) => (
            <li key={c.sha}>
              <span className="sha">{shortSha(c.sha)}</span> {c.merge ? <span className="merge-chip">merge</span> : null} <WithJiraKeys text={c.subject} />{' '}
              <span className="pane-meta">{c.author}</span>
            </li>
          ))}
        </ol>
      ) : null}
      <details>
        <summary>Commands ({plan.commands.length})</summary>
        <pre className="rollback-commands">{plan.commands.join('\n')}</pre>
      </details>
    </div>
  );
}

function Steps({ rollback, live }: { rollback: RollbackState; live: string }) {
  if (rollback.steps.length === 0 && !live) return null;
  const running = rollback.steps.find((s) => s.status === 'started');
  return (
    <ol className="rollback-steps" aria-label="Progress">
      {rollback.steps.map((s) => (
        <li key={s.step} className={`rollback-step step-${s.status}`} data-status={s.status}>
          <span className="step-status">{s.status === 'started' ? '…' : s.status === 'succeeded' ? '✓' : '✗'}</span> {s.label}
          {s === running && live ? <pre className="rollback-output">{live}</pre> : s.outputTail ? <pre className="rollback-output">{s.outputTail}</pre> : null}
        </li>
      ))}
    </ol>
  );
}

function Outcome({ rollback }: { rollback: RollbackState }) {
  if (rollback.outcome) {
    return (
      <div className="rollback-outcome outcome-ok" role="status">
        <strong>Done:</strong> {rollback.outcome.summary}
        {rollback.outcome.beforeSha ? (
          <span className="sha">
            {' '}
            ({shortSha(rollback.outcome.beforeSha)} → {shortSha(rollback.outcome.afterSha)})
          </span>
        ) : null}
        {rollback.verification ? (
          <p>
            Verified {rollback.verification.outcome} by {rollback.verification.method === 'manual' ? rollback.verification.by : 'health query'}
            {rollback.verification.value !== undefined ? ` (value ${rollback.verification.value}, threshold ${rollback.verification.threshold})` : ''}
            {rollback.verification.note ? `: ${rollback.verification.note}` : ''}
          </p>
        ) : null}
      </div>
    );
  }
  if (rollback.failure) {
    return (
      <div className="rollback-outcome outcome-failed" role="alert">
        <strong>Failed ({rollback.failure.reason.replace(/_/g, ' ')}):</strong> {rollback.failure.message}
        <p>
          <strong>State now:</strong> {rollback.failure.state}
        </p>
        {rollback.failure.outputTail ? <pre className="rollback-output">{rollback.failure.outputTail}</pre> : null}
      </div>
    );
  }
  if (rollback.cancellation) {
    return (
      <div className="rollback-outcome outcome-cancelled" role="status">
        <strong>Cancelled by {rollback.cancellation.by}:</strong> {rollback.cancellation.reason}. {rollback.cancellation.state}
      </div>
    );
  }
  return null;
}

export function RollbackCard({ incidentId, rollback, all, readOnly }: { incidentId: string; rollback: RollbackState; all: readonly RollbackState[]; readOnly: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const live = useRollbackOutput(incidentId, !readOnly && rollback.stage === 'running' ? rollback.id : undefined);
  const { cancel, plan } = useRollbackMutations(incidentId);
  const actions = actionsFor(rollback, all, readOnly);
  const direction = rollback.plan.direction === 'roll-forward' ? 'Roll forward' : 'Rollback';
  return (
    <article className="rollback-card" data-rollback-id={rollback.id} data-stage={rollback.stage} aria-label={`${direction} of ${rollback.plan.service}`}>
      <header className="rollback-card-header">
        <strong>
          {direction} of {rollback.plan.service}
        </strong>
        <span className="pane-meta">{strategyLabels[rollback.plan.strategy]}</span>
        <span className={`rollback-stage stage-${rollback.stage}`}>{stageLabel(rollback)}</span>
      </header>
      <p className="pane-meta">
        Planned by {rollback.plannedBy}
        {rollback.confirmedBy ? `, confirmed by ${rollback.confirmedBy}` : ''}
        {rollback.approver ? `, approved by ${rollback.approver}` : ''}
      </p>
      {rollback.stage === 'planned' ? <RollbackApprovals incidentId={incidentId} rollback={rollback} canApprove={actions.confirm} /> : null}
      <PlanDetails rollback={rollback} />
      <Steps rollback={rollback} live={live} />
      <Outcome rollback={rollback} />
      {actions.verify ? <VerifyControls incidentId={incidentId} rollback={rollback} /> : null}
      <div className="form-actions">
        {actions.discard ? (
          <button type="button" onClick={() => cancel.mutate({ rollbackId: rollback.id, reason: 'Plan discarded' })}>
            Discard plan
          </button>
        ) : null}
        {actions.cancel ? (
          <button type="button" onClick={() => cancel.mutate({ rollbackId: rollback.id })} disabled={cancel.isPending}>
            {cancel.isPending ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
        {actions.rollForward ? (
          <button type="button" onClick={() => plan.mutate({ service: rollback.plan.service, forwardOf: rollback.id })} disabled={plan.isPending}>
            Plan roll forward
          </button>
        ) : null}
        {actions.confirm ? (
          <button type="button" className="primary" onClick={() => setConfirming(true)}>
            Confirm…
          </button>
        ) : null}
      </div>
      <ErrorNotice error={cancel.error} title="Not cancelled" />
      <ErrorNotice error={plan.error} title="No roll-forward plan" />
      {confirming ? <ConfirmRollbackDialog incidentId={incidentId} rollback={rollback} onClose={() => setConfirming(false)} /> : null}
    </article>
  );
}
