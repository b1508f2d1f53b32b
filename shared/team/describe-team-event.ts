// One timeline line for each team event: roles, the commander handover steps and approvals given in person.
import type { EventOfType } from '../events';
import { roleLabel } from './roles';

type TeamEvent = EventOfType<'role.assigned' | 'role.released' | 'handover.proposed' | 'handover.withdrawn' | 'handover.accepted' | 'handover.recorded' | 'approval.given'>;

/** "ana (@ana.k)" when the event says who the actor is beyond a name; events from before identities show the name only. */
export function actorWithHandle(event: { actor: string; actorIdentity?: { handle: string } | undefined }): string {
  return event.actorIdentity ? `${event.actor} (@${event.actorIdentity.handle})` : event.actor;
}

export function describeTeamEvent(event: TeamEvent): string {
  switch (event.type) {
    case 'role.assigned':
      return `${roleLabel(event.payload.role)}: ${event.payload.person}${event.payload.from ? ` (was ${event.payload.from})` : ''}`;
    case 'role.released':
      return `${event.payload.person} released the ${roleLabel(event.payload.role)} role`;
    case 'handover.proposed':
      return `Handover of command proposed: ${event.payload.from} → ${event.payload.to}`;
    case 'handover.withdrawn':
      return `Handover of command to ${event.payload.to} withdrawn`;
    case 'handover.accepted':
      return `${event.payload.to} accepted command from ${event.payload.from}`;
    case 'handover.recorded':
      return `Command handed over from ${event.payload.from} to ${event.payload.to} (recorded by ${actorWithHandle(event)})`;
    case 'approval.given':
      return `${actorWithHandle(event)} approved ${event.payload.summary}`;
  }
}
