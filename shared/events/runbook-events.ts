// Events of runbook checklists in an incident: a runbook attached (with a snapshot of its steps) and every change to a step.
import { z } from 'zod';
import { RunbookOrigin, RunbookStep } from '../runbooks/runbook';
import { eventOf } from './envelope';

const RunbookId = z.string().min(1).max(400);
const StepId = RunbookStep.shape.id;

/** Which runbook and step a change is about; title and step text are copied so the timeline reads on its own. */
const StepRef = z.object({
  runbookId: RunbookId,
  runbookTitle: z.string().max(200),
  stepId: StepId,
  stepText: z.string().max(1000),
});

export const RunbookAttached = eventOf(
  'runbook.attached',
  z.object({
    runbookId: RunbookId,
    title: z.string().min(1).max(200),
    origin: RunbookOrigin,
    path: z.string().max(1000),
    /** The content version at attach time: `git:<commit> sha256:<hash>` or `sha256:<hash>`. */
    version: z.string().min(1).max(200),
    /** The steps as they were when attached, so playback never depends on the library changing later. */
    steps: z.array(RunbookStep).min(1).max(500),
  }),
);

export const RunbookStepChecked = eventOf('runbook.step_checked', StepRef);
export const RunbookStepUnchecked = eventOf('runbook.step_unchecked', StepRef);
export const RunbookStepSkipped = eventOf('runbook.step_skipped', StepRef.extend({ reason: z.string().trim().min(1).max(2000) }));
export const RunbookStepAssigned = eventOf('runbook.step_assigned', StepRef.extend({ owner: z.string().trim().min(1).max(120) }));
export const RunbookStepNoted = eventOf('runbook.step_noted', StepRef.extend({ text: z.string().trim().min(1).max(4000) }));

export const runbookEventSchemas = [
  RunbookAttached,
  RunbookStepChecked,
  RunbookStepUnchecked,
  RunbookStepSkipped,
  RunbookStepAssigned,
  RunbookStepNoted,
] as const;
