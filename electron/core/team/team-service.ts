// Team use cases over the store: roles assigned and released, and the commander handover (propose → accept or record).
import { eventIdOf } from '../../../shared/events/event-refs';
import type { IncidentState } from '../../../shared/incidents/incident-state';
import type { ParsedInputOf } from '../../../shared/ipc';
import { checklistProjection } from '../../../shared/projections/domain-projections';
import { DomainError } from '../../../shared/result';
import { handoverNote, openActionsProjection } from '../../../shared/team/handover-note';
import { normaliseRole, roleLabel } from '../../../shared/team/roles';
import type { AudienceCadence } from '../../../shared/updates/cadence';
import type { LocalIdentity } from '../identity/local-identity';
import type { IncidentService } from '../incidents/incident-service';
import type { IncidentStore } from '../store/incident-store';

export interface TeamServiceDeps {
  store: IncidentStore;
  incidents: IncidentService;
  identity: () => LocalIdentity;
  /** The next stakeholder update due in the incident, for the handover note. */
  nextUpdate: (incidentId: string) => Promise<Pick<AudienceCadence, 'audience' | 'dueAt'> | undefined>;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export class TeamService {
  constructor(private readonly deps: TeamServiceDeps) {}

  private async append(incidentId: string, event: Parameters<IncidentStore['append']>[1][number]): Promise<IncidentState> {
    await this.deps.store.append(incidentId, [event]);
    return this.deps.incidents.state(incidentId);
  }

  private get me(): string {
    return this.deps.identity().name;
  }

  async assignRole(input: ParsedInputOf<'team.assignRole'>): Promise<IncidentState> {
    const state = this.deps.incidents.state(input.incidentId);
    const role = normaliseRole(input.role);
    if (role === 'commander') throw new DomainError('validation', 'Command changes hands through a handover: use "Hand over command".', ['role']);
    const holder = state.roles.find((r) => r.role === role);
    if (holder && same(holder.person, input.person)) throw new DomainError('conflict', `${input.person} is already ${roleLabel(role)}.`);
    return this.append(input.incidentId, { type: 'role.assigned', actor: this.me, payload: { role, person: input.person, ...(holder ? { from: holder.person } : {}) } });
  }

  async releaseRole(input: ParsedInputOf<'team.releaseRole'>): Promise<IncidentState> {
    const state = this.deps.incidents.state(input.incidentId);
    const role = normaliseRole(input.role);
    const holder = state.roles.find((r) => r.role === role);
    if (!holder) throw new DomainError('conflict', `Nobody holds the ${roleLabel(role)} role.`);
    return this.append(input.incidentId, { type: 'role.released', actor: this.me, payload: { role, person: holder.person } });
  }

  async handoverDraft(incidentId: string): Promise<{ note: string }> {
    const state = this.deps.incidents.state(incidentId);
    // Incremental projections: a handover draft of a long incident must not read the whole log back from disk.
    const actions = this.deps.store.projection(incidentId, openActionsProjection);
    const checklists = this.deps.store.projection(incidentId, checklistProjection);
    return { note: handoverNote({ state, actions, checklists, nextUpdate: await this.deps.nextUpdate(incidentId).catch(() => undefined) }) };
  }

  async proposeHandover(input: ParsedInputOf<'team.proposeHandover'>): Promise<IncidentState> {
    const state = this.deps.incidents.state(input.incidentId);
    if (same(state.commander, input.to)) throw new DomainError('conflict', `${input.to} is already the commander.`, ['to']);
    return this.append(input.incidentId, { type: 'handover.proposed', actor: this.me, payload: { from: state.commander, to: input.to, note: input.note } });
  }

  private pending(incidentId: string) {
    const state = this.deps.incidents.state(incidentId);
    if (!state.handover) throw new DomainError('conflict', 'No handover is proposed in this incident; propose one first.');
    return { state, handover: state.handover };
  }

  async withdrawHandover(incidentId: string): Promise<IncidentState> {
    const { handover } = this.pending(incidentId);
    return this.append(incidentId, { type: 'handover.withdrawn', actor: this.me, payload: { to: handover.to } });
  }

  /** Only the named successor accepts: by the name or the handle this installation's user has. */
  async acceptHandover(incidentId: string): Promise<IncidentState> {
    const { state, handover } = this.pending(incidentId);
    const me = this.deps.identity();
    if (!same(handover.to, me.name) && !same(handover.to, me.handle) && !same(handover.to, `@${me.handle}`)) {
      throw new DomainError('conflict', `This handover is for ${handover.to}, and you are ${me.name} (@${me.handle}). ${handover.to} accepts it on their own laptop, or the current commander records it.`);
    }
    return this.append(incidentId, { type: 'handover.accepted', actor: me.name, payload: { from: state.commander, to: handover.to, proposedId: eventIdOf(handover, me.deviceId) } });
  }

  async recordHandover(incidentId: string): Promise<IncidentState> {
    const { state, handover } = this.pending(incidentId);
    return this.append(incidentId, { type: 'handover.recorded', actor: this.me, payload: { from: state.commander, to: handover.to, proposedId: eventIdOf(handover, this.deps.identity().deviceId) } });
  }
}
