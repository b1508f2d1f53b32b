// The checklists of an incident as a pure fold over its events: what is done, skipped, owned and noted, per attached runbook.
import { z } from 'zod';
import type { IncidentEvent } from '../events';
import { RunbookOrigin, RunbookStep } from './runbook';

export const StepStatus = z.enum(['open', 'done', 'skipped']);
export type StepStatus = z.infer<typeof StepStatus>;

const Stamp = z.object({ actor: z.string(), at: z.string(), seq: z.number() });

export const ChecklistStep = RunbookStep.extend({
  status: StepStatus,
  /** Who checked or skipped the step and when (absent while open). */
  resolved: Stamp.optional(),
  skipReason: z.string().optional(),
  owner: z.string().optional(),
  notes: z.array(Stamp.extend({ text: z.string() })),
});
export type ChecklistStep = z.infer<typeof ChecklistStep>;

export const ChecklistProgress = z.object({
  done: z.number().int(),
  skipped: z.number().int(),
  total: z.number().int(),
  /** Share of steps done or skipped, 0–100, rounded down so 100 means every step is dealt with. */
  percent: z.number().int().min(0).max(100),
});
export type ChecklistProgress = z.infer<typeof ChecklistProgress>;

export const RunbookChecklist = z.object({
  runbookId: z.string(),
  title: z.string(),
  origin: RunbookOrigin,
  path: z.string(),
  version: z.string(),
  attached: Stamp,
  steps: z.array(ChecklistStep),
  progress: ChecklistProgress,
});
export type RunbookChecklist = z.infer<typeof RunbookChecklist>;

export function progressOf(steps: readonly Pick<ChecklistStep, 'status'>[]): ChecklistProgress {
  const done = steps.filter((s) => s.status === 'done').length;
  const skipped = steps.filter((s) => s.status === 'skipped').length;
  const total = steps.length;
  return { done, skipped, total, percent: total === 0 ? 0 : Math.floor(((done + skipped) * 100) / total) };
}

type RunbookEvent = Extract<IncidentEvent, { type: `runbook.${string}` }>;
const isRunbookEvent = (e: IncidentEvent): e is RunbookEvent => e.type.startsWith('runbook.');

function updateStep(list: RunbookChecklist, stepId: string, change: (step: ChecklistStep) => ChecklistStep): RunbookChecklist {
  const steps = list.steps.map((s) => (s.id === stepId ? change(s) : s));
  return { ...list, steps, progress: progressOf(steps) };
}

/** Applies one event to the checklists (a new array; old ones are never mutated, so playback can keep checkpoints). */
export function applyChecklistEvent(lists: readonly RunbookChecklist[], event: IncidentEvent): RunbookChecklist[] {
  if (!isRunbookEvent(event)) return lists as RunbookChecklist[];
  const stamp = { actor: event.actor, at: event.ts, seq: event.seq };
  if (event.type === 'runbook.attached') {
    if (lists.some((l) => l.runbookId === event.payload.runbookId)) return lists as RunbookChecklist[];
    const p = event.payload;
    const steps = p.steps.map((s): ChecklistStep => ({ ...s, status: 'open', notes: [] }));
    return [...lists, { runbookId: p.runbookId, title: p.title, origin: p.origin, path: p.path, version: p.version, attached: stamp, steps, progress: progressOf(steps) }];
  }
  const { runbookId, stepId } = event.payload;
  return lists.map((list) => {
    if (list.runbookId !== runbookId) return list;
    switch (event.type) {
      case 'runbook.step_checked':
        return updateStep(list, stepId, ({ skipReason: _r, ...s }) => ({ ...s, status: 'done', resolved: stamp }));
      case 'runbook.step_unchecked':
        return updateStep(list, stepId, ({ skipReason: _r, resolved: _d, ...s }) => ({ ...s, status: 'open' }));
      case 'runbook.step_skipped':
        return updateStep(list, stepId, (s) => ({ ...s, status: 'skipped', resolved: stamp, skipReason: event.payload.reason }));
      case 'runbook.step_assigned':
        return updateStep(list, stepId, (s) => ({ ...s, owner: event.payload.owner }));
      case 'runbook.step_noted':
        return updateStep(list, stepId, (s) => ({ ...s, notes: [...s.notes, { ...stamp, text: event.payload.text }] }));
    }
  });
}

/** Consecutive steps under the same heading, in order, so a checklist reads phase by phase. */
export function stepsBySection<S extends { section?: string | undefined }>(steps: readonly S[]): { section: string; steps: S[] }[] {
  const groups: { section: string; steps: S[] }[] = [];
  for (const step of steps) {
    const section = step.section ?? '';
    const last = groups.at(-1);
    if (last && last.section === section) last.steps.push(step);
    else groups.push({ section, steps: [step] });
  }
  return groups;
}

/** Folds a whole log, or a prefix of it for playback. */
export function projectChecklists(events: readonly IncidentEvent[]): RunbookChecklist[] {
  let lists: RunbookChecklist[] = [];
  for (const e of events) lists = applyChecklistEvent(lists, e);
  return lists;
}

/** Why a step change would not make sense against the current checklist (with the error code to report), or undefined. */
export function stepChangeProblem(
  lists: readonly RunbookChecklist[],
  runbookId: string,
  stepId: string,
  change: 'check' | 'uncheck' | 'skip' | 'assign' | 'note',
): { code: 'not_found' | 'conflict'; message: string } | undefined {
  const list = lists.find((l) => l.runbookId === runbookId);
  if (!list) return { code: 'not_found', message: `Runbook ${runbookId} is not attached to this incident; attach it first.` };
  const step = list.steps.find((s) => s.id === stepId);
  if (!step) return { code: 'not_found', message: `${list.title} has no step ${stepId} (it has ${list.steps.length} steps).` };
  const conflict = (message: string) => ({ code: 'conflict' as const, message });
  if (change === 'check' && step.status === 'done') return conflict(`“${step.text}” is already checked.`);
  if (change === 'uncheck' && step.status === 'open') return conflict(`“${step.text}” is not checked or skipped.`);
  if (change === 'skip' && step.status === 'skipped') return conflict(`“${step.text}” is already skipped.`);
  return undefined;
}
