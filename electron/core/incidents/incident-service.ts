// Incident use cases over the store: declare, status/severity/commander changes, notes, listing and timeline reads.
import type { IncidentEvent } from '../../../shared/events';
import type { IncidentState } from '../../../shared/incidents/incident-state';
import { incidentProjection, timelineIndexProjection } from '../../../shared/projections/domain-projections';
import { statusChangeProblem } from '../../../shared/incidents/status';
import type { IncidentListItem, ParsedInputOf } from '../../../shared/ipc';
import { DomainError } from '../../../shared/result';
import { incidentIdFor, type IncidentStore } from '../store/incident-store';
import { lowerBoundBySeq, timelinePage } from '../../../shared/timeline/timeline-page';
import { ColdTimeline, type ColdTimelineOptions } from './cold-timeline';
import { timelineSearch, timelineWindowPage, type TimelineSearchResult, type TimelineWindowPage } from '../../../shared/timeline/timeline-window';

export class IncidentService {
  /** The first timeline page from the log's tail while the log is opened and its timeline index built (cold-timeline.ts). */
  readonly cold: ColdTimeline;

  constructor(
    private readonly store: IncidentStore,
    private readonly operator: () => string,
    options: ColdTimelineOptions = {},
  ) {
    this.cold = new ColdTimeline(store, options);
  }

  /** An incident that arrived outside of appends (an imported bundle): its state is projected on first read, like any other. */
  track(id: string): void {
    this.store.get(id);
  }

  /** The incident's state from the store's cached incremental projection (undefined without a readable declaration). */
  private stateOf(id: string): IncidentState | undefined {
    const stored = this.store.get(id);
    return stored.summary ? stored.summary.state : this.store.projection(id, incidentProjection);
  }

  list(): IncidentListItem[] {
    const items = this.store.list().map((i) => {
      const state = this.stateOf(i.id);
      return state ? { id: i.id, state, problems: i.problems } : { id: i.id, problems: i.problems };
    });
    return items.sort((a, b) => (b.state?.declaredAt ?? '').localeCompare(a.state?.declaredAt ?? ''));
  }

  get(incidentId: string): IncidentListItem {
    const stored = this.store.get(incidentId);
    const state = this.stateOf(incidentId);
    return state ? { id: incidentId, state, problems: stored.problems } : { id: incidentId, problems: stored.problems };
  }

  /** Forgets the crash-recovery report of an incident once the user has seen it (it survives restarts until then). */
  async acknowledgeRecovery(incidentId: string): Promise<IncidentListItem> {
    await this.store.acknowledgeRecovery(incidentId);
    return this.get(incidentId);
  }

  state(incidentId: string): IncidentState {
    const state = this.stateOf(incidentId);
    if (!state) {
      throw new DomainError('conflict', `Incident ${incidentId} has no readable declaration; see its problems.`);
    }
    return state;
  }

  async declare(input: ParsedInputOf<'incidents.declare'>): Promise<IncidentState> {
    const now = new Date();
    let id = incidentIdFor(input.title, now);
    while (this.store.has(id)) id = incidentIdFor(input.title, now);
    await this.store.create(id, {
      type: 'incident.declared',
      actor: this.operator(),
      payload: { title: input.title, severity: input.severity, commander: input.commander, services: input.services, ...(input.summary ? { summary: input.summary } : {}) },
    });
    return this.state(id);
  }

  async changeStatus(input: ParsedInputOf<'incidents.changeStatus'>): Promise<IncidentState> {
    const current = this.state(input.incidentId);
    const problem = statusChangeProblem(current.status, input.to);
    if (problem) throw new DomainError('conflict', problem);
    await this.store.append(input.incidentId, [
      { type: 'incident.status_changed', actor: this.operator(), payload: { from: current.status, to: input.to, ...(input.reason ? { reason: input.reason } : {}) } },
    ]);
    return this.state(input.incidentId);
  }

  async changeSeverity(input: ParsedInputOf<'incidents.changeSeverity'>): Promise<IncidentState> {
    const current = this.state(input.incidentId);
    if (current.severity === input.to) throw new DomainError('conflict', `The incident is already ${input.to}.`);
    await this.store.append(input.incidentId, [
      { type: 'incident.severity_changed', actor: this.operator(), payload: { from: current.severity, to: input.to, ...(input.reason ? { reason: input.reason } : {}) } },
    ]);
    return this.state(input.incidentId);
  }

  async changeCommander(input: ParsedInputOf<'incidents.changeCommander'>): Promise<IncidentState> {
    const current = this.state(input.incidentId);
    if (current.commander === input.to) throw new DomainError('conflict', `${input.to} is already the commander.`);
    await this.store.append(input.incidentId, [{ type: 'incident.commander_changed', actor: this.operator(), payload: { from: current.commander, to: input.to } }]);
    return this.state(input.incidentId);
  }

  async addNote(input: ParsedInputOf<'incidents.addNote'>): Promise<IncidentEvent> {
    this.state(input.incidentId);
    const [event] = await this.store.append(input.incidentId, [
      {
        type: 'note.added',
        actor: this.operator(),
        payload: { text: input.text, kind: input.kind ?? 'note', ...(input.happenedAt ? { happenedAt: input.happenedAt } : {}) },
      },
    ]);
    return event!;
  }

  async annotate(
    input: ParsedInputOf<'timeline.pin'> | ParsedInputOf<'timeline.classify'>,
  ): Promise<IncidentEvent> {
    this.state(input.incidentId);
    const events = this.store.get(input.incidentId).log?.events ?? [];
    const target = events[lowerBoundBySeq(events, input.targetSeq)];
    if (!target || target.seq !== input.targetSeq) throw new DomainError('not_found', `Event #${input.targetSeq} is not in this incident's timeline.`);
    const [event] = await this.store.append(input.incidentId, [
      'pinned' in input
        ? { type: 'timeline.entry_pinned', actor: this.operator(), payload: { targetSeq: input.targetSeq, pinned: input.pinned } }
        : { type: 'timeline.entry_classified', actor: this.operator(), payload: { targetSeq: input.targetSeq, kind: input.kind } },
    ]);
    return event!;
  }

  timeline(input: ParsedInputOf<'timeline.events'>): { events: IncidentEvent[]; lastSeq: number; hasMore: boolean } {
    const stored = this.store.get(input.incidentId);
    return timelinePage(stored.log?.events ?? [], stored.log?.lastSeq ?? 0, input.afterSeq, input.limit);
  }

  /**
   * A page of the filtered timeline around an anchor, from the incident's timeline index (advanced by appended events only).
   * Before the index is built, the newest pages come from the log's tail (marked provisional) and every other page waits.
   */
  async timelinePage(input: ParsedInputOf<'timeline.page'>): Promise<TimelineWindowPage> {
    const early = await this.cold.tailPage(input);
    if (early) return early;
    await this.cold.whenIndexed(input.incidentId);
    return timelineWindowPage(this.store.projection(input.incidentId, timelineIndexProjection), input.filter, input.anchor, input.limit);
  }

  /** Search waits for the timeline index: never hits from part of the log. */
  async timelineSearch(input: ParsedInputOf<'timeline.search'>): Promise<TimelineSearchResult> {
    await this.cold.whenIndexed(input.incidentId);
    return timelineSearch(this.store.projection(input.incidentId, timelineIndexProjection), input.filter, input.limit, input.maxSeqs);
  }
}
