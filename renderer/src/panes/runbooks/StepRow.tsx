// One checklist step: check/uncheck, skip with a reason, assign an owner, add notes, and its action when it has one.
import { useId, useState } from 'react';
import type { ChecklistStep } from '../../../../shared/runbooks/checklist';
import { Time } from '../../time/Time';
import { StepActionButton } from './StepActionButton';
import { StepDetailForm, type StepDetailKind } from './StepDetailForm';

export interface StepHandlers {
  pending: boolean;
  /** Playback: the step is shown as it was, and cannot be changed. */
  readOnly: boolean;
  toggle(step: ChecklistStep): void;
  detail(step: ChecklistStep, kind: StepDetailKind, value: string, done: () => void): void;
}

export function StepRow({ step, handlers }: { step: ChecklistStep; handlers: StepHandlers }) {
  const [open, setOpen] = useState<StepDetailKind | undefined>();
  const checkboxId = useId();
  return (
    <li className={`checklist-step status-${step.status}`} data-step-id={step.id} data-status={step.status}>
      <div className="checklist-step-main">
        <input
          id={checkboxId}
          type="checkbox"
          checked={step.status === 'done'}
          disabled={handlers.pending || handlers.readOnly}
          aria-label={step.text}
          onChange={() => handlers.toggle(step)}
        />
        <label htmlFor={checkboxId} className="checklist-step-text">
          {step.text}
        </label>
        {step.owner ? <span className="step-owner" title="Owner">@{step.owner}</span> : null}
      </div>
      {step.status !== 'open' && step.resolved ? (
        <p className="step-meta">
          {step.status === 'done' ? 'Checked' : 'Skipped'} by {step.resolved.actor} at <Time at={step.resolved.at} />
          {step.skipReason ? ` — ${step.skipReason}` : ''}
        </p>
      ) : null}
      {step.notes.length > 0 ? (
        <ul className="step-notes" aria-label="Step notes">
          {step.notes.map((n) => (
            <li key={n.seq}>
              <span className="step-note-meta">
                {n.actor} <Time at={n.at} />
              </span>{' '}
              {n.text}
            </li>
          ))}
        </ul>
      ) : null}
      {handlers.readOnly ? null : (
      <div className="step-tools">
        {step.status === 'skipped' ? (
          <button type="button" onClick={() => handlers.toggle(step)} disabled={handlers.pending}>
            Reopen
          </button>
        ) : step.status === 'open' ? (
          <button type="button" onClick={() => setOpen('skip')}>
            Skip…
          </button>
        ) : null}
        <button type="button" onClick={() => setOpen('assign')}>
          {step.owner ? 'Reassign…' : 'Assign…'}
        </button>
        <button type="button" onClick={() => setOpen('note')}>
          Note…
        </button>
        {step.action ? <StepActionButton action={step.action} stepText={step.text} /> : null}
      </div>
      )}
      {open ? (
        <StepDetailForm
          kind={open}
          pending={handlers.pending}
          {...(open === 'assign' && step.owner ? { initial: step.owner } : {})}
          onCancel={() => setOpen(undefined)}
          onSubmit={(value) => handlers.detail(step, open, value, () => setOpen(undefined))}
        />
      ) : null}
    </li>
  );
}
