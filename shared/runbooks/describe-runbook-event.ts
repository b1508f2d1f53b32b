// The timeline line for each runbook checklist event: which runbook, which step, and what was done to it.
import type { IncidentEvent } from '../events';

export type RunbookEventType = Extract<IncidentEvent['type'], `runbook.${string}`>;
type RunbookEvent = Extract<IncidentEvent, { type: RunbookEventType }>;

const quoted = (text: string) => `“${text.length > 120 ? `${text.slice(0, 119)}…` : text}”`;
/** Long titles carry a subtitle after an em dash; the timeline names the runbook by its short title. */
const short = (title: string) => title.split(' — ')[0]!;

export function describeRunbookEvent(event: RunbookEvent): string {
  switch (event.type) {
    case 'runbook.attached':
      // The version hash stays in the event (and the review bundle); the cockpit names the runbook, not its hash.
      return `Runbook attached: ${short(event.payload.title)} (${event.payload.steps.length} steps)`;
    case 'runbook.step_checked':
      return `Checked ${quoted(event.payload.stepText)} in ${short(event.payload.runbookTitle)}`;
    case 'runbook.step_unchecked':
      return `Unchecked ${quoted(event.payload.stepText)} in ${short(event.payload.runbookTitle)}`;
    case 'runbook.step_skipped':
      return `Skipped ${quoted(event.payload.stepText)} in ${short(event.payload.runbookTitle)}: ${event.payload.reason}`;
    case 'runbook.step_assigned':
      return `${event.payload.owner} owns ${quoted(event.payload.stepText)} in ${short(event.payload.runbookTitle)}`;
    case 'runbook.step_noted':
      return `Note on ${quoted(event.payload.stepText)} in ${short(event.payload.runbookTitle)}: ${event.payload.text}`;
  }
}
