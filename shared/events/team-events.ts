// Events of the incident team: roles assigned and released, the two-step commander handover, and approvals given in person.
import { z } from 'zod';
import { EventId, eventOf } from './envelope';
import { namesTarget } from './event-refs';

/** A well-known role id (deputy, scribe, comms-lead, ops-lead) or a custom role's own name ("Database expert"). */
export const RoleName = z.string().trim().min(1, 'Name the role').max(60);
const Person = z.string().trim().min(1, 'Name the person').max(120);

export const RoleAssigned = eventOf('role.assigned', z.object({ role: RoleName, person: Person, from: z.string().optional() }));
export const RoleReleased = eventOf('role.released', z.object({ role: RoleName, person: Person }));

/** Step one of a commander handover: the current commander names the successor with a handover note. */
export const HandoverProposed = eventOf('handover.proposed', z.object({ from: z.string(), to: Person, note: z.string().max(20000) }));
export const HandoverWithdrawn = eventOf('handover.withdrawn', z.object({ to: z.string() }));
/** The handover.proposed event a step two answers: its global id (event-refs.ts); logs written before global ids name its local seq. */
const Proposal = z
  .object({ from: z.string(), to: Person, proposedId: EventId.optional(), proposedSeq: z.number().int().positive().optional() })
  .refine((p) => namesTarget(p.proposedId, p.proposedSeq), { message: 'Name the proposal by proposedId', path: ['proposedId'] });
/** Step two, by the new commander (on their own laptop once synced): they now hold command. */
export const HandoverAccepted = eventOf('handover.accepted', Proposal);
/** Step two when the successor cannot accept in Firebreak (offline): the current commander records that they took over. */
export const HandoverRecorded = eventOf('handover.recorded', Proposal);

/** An approval an identified person gave themselves (the envelope's actor and actorIdentity say who), e.g. a rollback's second approval. */
export const ApprovalGiven = eventOf('approval.given', z.object({ subject: z.enum(['rollback']), targetId: z.string().min(1).max(100), summary: z.string().max(500) }));

export const teamEventSchemas = [RoleAssigned, RoleReleased, HandoverProposed, HandoverWithdrawn, HandoverAccepted, HandoverRecorded, ApprovalGiven] as const;
