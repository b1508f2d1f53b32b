// Incident use cases over the store: declare, status/severity/commander changes, notes, listing and timeline reads.
import { eventIdOf, type IncidentEvent } from '../../../shared/events';
import type { IncidentState } from '../../../shared/incidents/incident-state';
import { incidentProjection, keyTimesProjection } from '../../../shared/projections/domain-projections';
import type { KeyTimes } from '../../../shared/incidents/key-times';
import { statusChangeProblem } from '../../../shared/incidents/status';
import type { IncidentListItem, ParsedInputOf } from '../../../shared/ipc';
import { DomainError } from '../../../shared/result';
import { incidentIdFor, type IncidentStore } from '../store/incident-store';
import { ColdTimeline, type ColdTimelineOptions } from './cold-timeline';
import { timelineSearch, timelineWindowPage, type TimelineSearchResult, type TimelineWindowPage } from '../../../shared/timeline/timeline-window';

export class IncidentService {
  /** The first timeline page from the log's tail while the log is opened and its timeline index built (cold-timeline.ts). */
  readonly cold: ColdTimeline;
  /** This installation's device id: the global id of its events written with sync off is `<device id>.<seq>` (event-refs.ts). */
  private readonly deviceId: (() => string) | undefined;

  constructor(
    private readonly store: IncidentStore,
    private readonly operator: () => string,
    options: ColdTimelineOptions & { deviceId?: () => string } = {},
  ) {
    this.cold = new ColdTimeline(store, options);
    this.deviceId = options.deviceId;
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

  /** Key times from the store's incremental projection (folded with the other domains, kept in the projection snapshot). */
  keyTimes(incidentId: string): KeyTimes {
    this.state(incidentId);
    return this.store.projection(incidentId, keyTimesProjection);
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

  /** Pins or classifies the entry `targetId` names (a timeline row's event id), so every laptop marks the same event. */
  async annotate(
    input: ParsedInputOf<'timeline.pin'> | ParsedInputOf<'timeline.classify'>,
  ): Promise<IncidentEvent> {
    this.state(input.incidentId);
    const targetId = this.existingEventId(input.incidentId, input.targetId);
    const [event] = await this.store.append(input.incidentId, [
      'pinned' in input
        ? { type: 'timeline.entry_pinned', actor: this.operator(), payload: { targetId, pinned: input.pinned } }
        : { type: 'timeline.entry_classified', actor: this.operator(), payload: { targetId, kind: input.kind } },
    ]);
    return event!;
  }

  /** The global id of the event `id` names in this incident's log; a clear error when no event there has it. */
  private existingEventId(incidentId: string, id: string): string {
    const target = this.store.timelineIndex(incidentId).eventOf({ id });
    const deviceId = this.deviceId?.();
    if (!target || (deviceId !== undefined && eventIdOf(target, deviceId) !== id)) {
      throw new DomainError('not_found', `Event ${id} is not in this incident's timeline; reload the timeline and try again.`);
    }
    return id;
  }

  timeline(input: ParsedInputOf<'timeline.events'>): { events: IncidentEvent[]; lastSeq: number; hasMore: boolean } {
    const log = this.store.get(input.incidentId).log;
    if (!log) return { events: [], lastSeq: 0, hasMore: false };
    // By position in the log's offset index: only the page's events are read (from the file when they are not recent).
    const from = log.indexOfSeq(input.afterSeq + 1);
    return { events: log.slice(from, from + input.limit), lastSeq: log.lastSeq, hasMore: from + input.limit < log.eventCount };
  }

  /**
   * A page of the filtered timeline around an anchor, from the incident's timeline index (advanced by appended events only).
   * Before the index is built, the newest pages come from the log's tail (marked provisional) and every other page waits.
   */
  async timelinePage(input: ParsedInputOf<'timeline.page'>): Promise<TimelineWindowPage> {
    const early = await this.cold.tailPage(input);
    if (early) return early;
    await this.cold.whenIndexed(input.incidentId);
    return timelineWindowPage(this.store.timelineIndex(input.incidentId), input.filter, input.anchor, input.limit);
  }

  /** Search waits for the timeline index: never hits from part of the log. */
  async timelineSearch(input: ParsedInputOf<'timeline.search'>): Promise<TimelineSearchResult> {
    await this.cold.whenIndexed(input.incidentId);
    return timelineSearch(this.store.timelineIndex(input.incidentId), input.filter, input.limit, input.maxSeqs);
  }
}
