// Finds the steps of a runbook body: checklist items (`- [ ]`), or top-level numbered items when there is no checklist.
import { scanMarkdownLines } from '../markdown/lines';
import { StepAction, stepActions, type RunbookProblem, type RunbookStep } from './runbook';

export const MAX_STEPS = 500;
const MAX_STEP_TEXT = 1000;

const TASK_ITEM = /^(\s*)(?:[-*+]|\d{1,9}[.)])\s+\[( |x|X)\]\s+(.*)$/;
const NUMBERED_ITEM = /^\d{1,9}[.)]\s+(.*)$/;
/** A step's action marker at the end of its line: `{action: rollback}` (or `action=rollback`). */
export const ACTION_MARKER = /\s*\{\s*action\s*[:=]\s*([A-Za-z_-]*)\s*\}\s*$/;

interface Candidate {
  text: string;
  line: number;
  section?: string;
}

function stepFrom(candidate: Candidate, index: number, lineOffset: number, problems: RunbookProblem[]): RunbookStep | undefined {
  let text = candidate.text;
  let action: StepAction | undefined;
  const marker = ACTION_MARKER.exec(text);
  if (marker) {
    text = text.slice(0, marker.index);
    const parsed = StepAction.safeParse(marker[1]!.toLowerCase());
    if (parsed.success) action = parsed.data;
    else {
      problems.push({
        message: `Unknown step action "${marker[1]}"; use one of ${stepActions.join(', ')}. The step is kept without an action.`,
        line: candidate.line + lineOffset,
      });
    }
  }
  text = text.trim();
  if (!text) return undefined;
  if (text.length > MAX_STEP_TEXT) text = `${text.slice(0, MAX_STEP_TEXT - 1)}…`;
  return {
    id: `step-${index}`,
    text,
    ...(candidate.section ? { section: candidate.section.slice(0, 200) } : {}),
    ...(action ? { action } : {}),
  };
}

/**
 * Extracts steps in document order. `lineOffset` is added to body line numbers so problems point at file lines.
 * Returns the steps and the problems found (unknown actions, too many steps).
 */
export function extractSteps(body: string, lineOffset = 0): { steps: RunbookStep[]; problems: RunbookProblem[] } {
  const tasks: Candidate[] = [];
  const numbered: Candidate[] = [];
  let section: string | undefined;
  for (const line of scanMarkdownLines(body)) {
    if (line.inFence) continue;
    const heading = line.heading;
    if (heading) {
      if (heading.level > 1) section = heading.text;
      continue;
    }
    const task = TASK_ITEM.exec(line.text);
    if (task) {
      tasks.push({ text: task[3]!, line: line.number, ...(section ? { section } : {}) });
      continue;
    }
    const item = NUMBERED_ITEM.exec(line.text);
    if (item) numbered.push({ text: item[1]!, line: line.number, ...(section ? { section } : {}) });
  }
  const candidates = tasks.length > 0 ? tasks : numbered;
  const problems: RunbookProblem[] = [];
  const steps: RunbookStep[] = [];
  for (const candidate of candidates) {
    if (steps.length === MAX_STEPS) {
      problems.push({ message: `Only the first ${MAX_STEPS} steps are used; split the runbook.`, line: candidate.line + lineOffset });
      break;
    }
    const step = stepFrom(candidate, steps.length + 1, lineOffset, problems);
    if (step) steps.push(step);
  }
  return { steps, problems };
}
