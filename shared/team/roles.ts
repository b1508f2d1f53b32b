// The incident team's roles: the well-known ones with their labels, custom roles by their own name, and who holds each.
import type { IncidentEvent } from '../events';

export const knownRoles = ['deputy', 'scribe', 'comms-lead', 'ops-lead'] as const;
export type KnownRole = (typeof knownRoles)[number];

export const roleLabels: Record<KnownRole | 'commander', string> = {
  commander: 'Incident commander',
  deputy: 'Deputy',
  scribe: 'Scribe',
  'comms-lead': 'Comms lead',
  'ops-lead': 'Ops lead',
};

/** A role's human label: the well-known ones by their label, a custom role by the name it was given. */
export const roleLabel = (role: string): string => (role in roleLabels ? roleLabels[role as KnownRole] : role);

/** A custom role typed as "Scribe" or "comms lead" is the well-known one, so the same role never appears twice. */
export function normaliseRole(role: string): string {
  const trimmed = role.trim();
  const known = (Object.keys(roleLabels) as (KnownRole | 'commander')[]).find((r) => r === trimmed.toLowerCase() || roleLabels[r].toLowerCase() === trimmed.toLowerCase());
  return known ?? trimmed;
}

export interface RoleHolder {
  role: string;
  person: string;
  since: string;
}

export interface PendingHandover {
  from: string;
  to: string;
  note: string;
  proposedBy: string;
  proposedAt: string;
  /** The proposal's local seq, and its global id when it carries one (else `<this laptop's device id>.<seq>`, event-refs.ts). */
  seq: number;
  id?: string;
}

/** Roles in the order the header shows them: well-known first, then custom roles as they were assigned. */
export function sortRoles(roles: readonly RoleHolder[]): RoleHolder[] {
  const rank = (r: string) => {
    const i = (knownRoles as readonly string[]).indexOf(r);
    return i < 0 ? knownRoles.length : i;
  };
  return [...roles].sort((a, b) => rank(a.role) - rank(b.role));
}

/** Applies a team event to the role holders (one holder per role; assigning replaces the previous one). */
export function applyRoleEvent(roles: readonly RoleHolder[], event: IncidentEvent): RoleHolder[] | undefined {
  if (event.type === 'role.assigned') return sortRoles([...roles.filter((r) => r.role !== event.payload.role), { role: event.payload.role, person: event.payload.person, since: event.ts }]);
  if (event.type === 'role.released') return roles.filter((r) => !(r.role === event.payload.role && r.person === event.payload.person));
  return undefined;
}
