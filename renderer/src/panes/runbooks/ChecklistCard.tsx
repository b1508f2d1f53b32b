// One attached runbook as a checklist: progress bar, the step to work on now, steps grouped by section, and the result of
// the last change. Versions and file paths stay in the runbook library, not in the cockpit.
import { useMemo } from 'react';
import { stepsBySection, type RunbookChecklist } from '../../../../shared/runbooks/checklist';
import { usePaletteCommands } from '../../palette/command-registry';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ProgressBar } from './ProgressBar';
import { useChecklistMutations } from './runbook-queries';
import { StepRow, type StepHandlers } from './StepRow';

export function ChecklistCard({
  incidentId,
  checklist,
  readOnly,
  onOpen,
}: {
  incidentId: string;
  checklist: RunbookChecklist;
  readOnly: boolean;
  onOpen: (runbookId: string) => void;
}) {
  const m = useChecklistMutations(incidentId);
  const groups = useMemo(() => stepsBySection(checklist.steps), [checklist.steps]);
  // The step to work on now: the first one still open.
  const current = checklist.steps.find((s) => s.status === 'open');
  const all = [m.check, m.uncheck, m.skip, m.assign, m.note];
  const error = all.find((x) => x.error)?.error;
  const ref = { runbookId: checklist.runbookId };
  const handlers: StepHandlers = {
    pending: all.some((x) => x.isPending),
    readOnly,
    toggle(step) {
      all.forEach((x) => x.reset());
      if (step.status === 'open') m.check.mutate({ ...ref, stepId: step.id });
      else m.uncheck.mutate({ ...ref, stepId: step.id });
    },
    detail(step, kind, value, done) {
      all.forEach((x) => x.reset());
      const options = { onSuccess: done };
      if (kind === 'skip') m.skip.mutate({ ...ref, stepId: step.id, reason: value }, options);
      else if (kind === 'assign') m.assign.mutate({ ...ref, stepId: step.id, owner: value }, options);
      else m.note.mutate({ ...ref, stepId: step.id, text: value }, options);
    },
  };
  const next = checklist.steps.find((s) => s.status === 'open');
  usePaletteCommands(
    `checklist-${checklist.runbookId}`,
    readOnly || !next ? [] : [{ id: `check-${checklist.runbookId}`, label: `Check step: ${next.text}`, hint: checklist.title, needs: 'runbooks.checkStep', run: () => handlers.toggle(next) }],
  );
  return (
    <article className="checklist-card" data-runbook-id={checklist.runbookId} aria-label={`Checklist: ${checklist.title}`}>
      <header className="checklist-card-header">
        <h3>
          <button type="button" className="link-button" onClick={() => onOpen(checklist.runbookId)} title={`Read the runbook (attached by ${checklist.attached.actor})`}>
            {checklist.title}
          </button>
        </h3>
      </header>
      <ProgressBar progress={checklist.progress} label={checklist.title} />
      {current ? (
        <p className="current-step" data-testid="current-step">
          Now: <strong>{current.text}</strong>
          {current.owner ? <span className="step-owner"> @{current.owner}</span> : null}
        </p>
      ) : (
        <p className="current-step done">Every step is checked or skipped.</p>
      )}
      <ErrorNotice error={error} title="Step not changed" />
      {groups.map((group, i) => (
        <section key={`${group.section}-${i}`} className="checklist-section">
          {group.section ? <h4>{group.section}</h4> : null}
          <ol className="checklist-steps">
            {group.steps.map((step) => (
              <StepRow key={step.id} step={step} handlers={handlers} />
            ))}
          </ol>
        </section>
      ))}
    </article>
  );
}
