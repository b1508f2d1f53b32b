// Which status change stands when two were made apart (laptops offline, or at the same moment): both are kept in every log,
// the team order (stream sequence) decides, and this says so in words. A status change "did not see" the one before it in
// the team order when its `from` is not the status that one set: it was made without knowing about it.
import type { IncidentEvent } from '../events';
import { statusLabels, type IncidentStatus } from '../incidents/status';

const statusLabel = (s: IncidentStatus) => statusLabels[s];

export interface StatusConflict {
  /** The status in force, who set it and when (the later of the two in the team order). */
  stands: { status: IncidentStatus; actor: string; at: string };
  /** The concurrent change it overrode. */
  overridden: { status: IncidentStatus; actor: string; at: string };
  /** One sentence for the cockpit. */
  explanation: string;
}

/** The conflict behind the current status, if its last change was made without seeing the change before it. */
export function currentStatusConflict(events: readonly IncidentEvent[]): StatusConflict | undefined {
  let previous: Extract<IncidentEvent, { type: 'incident.status_changed' }> | undefined;
  let latest: StatusConflict | undefined;
  for (const e of events) {
    if (e.type !== 'incident.status_changed') continue;
    if (previous && e.payload.from !== previous.payload.to) {
      const stands = { status: e.payload.to, actor: e.actor, at: e.ts };
      const overridden = { status: previous.payload.to, actor: previous.actor, at: previous.ts };
      latest = {
        stands,
        overridden,
        explanation: `${statusLabel(stands.status)} (set by ${stands.actor}) stands: ${overridden.actor} had changed the status to ${statusLabel(overridden.status)} at the same time, without either seeing the other. Both changes are kept; the one the team server received last stands, on every laptop.`,
      };
    } else latest = undefined;
    previous = e;
  }
  return latest;
}
