// Which incident changes are consequential enough to ask for a confirmation and a note, and how their undo reads.
import { severities, type Severity } from './severity';
import { statusLabels, type IncidentStatus } from './status';

/** Resolving ends the clock, the update cadence and paging: it must never happen from one stray click. */
export function statusChangeNeedsConfirmation(from: IncidentStatus, to: IncidentStatus): boolean {
  return to === 'resolved' && from !== 'resolved';
}

/** A downgrade (SEV1 → SEV2 …) lowers who is paged and how often stakeholders hear; it needs a stated reason. */
export function isSeverityDowngrade(from: Severity, to: Severity): boolean {
  return severities.indexOf(to) > severities.indexOf(from);
}

export function undoStatusReason(undone: IncidentStatus): string {
  return `Undo: reverted the change to ${statusLabels[undone]}`;
}

export function undoSeverityReason(undone: Severity): string {
  return `Undo: reverted the change to ${undone}`;
}
