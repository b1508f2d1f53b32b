// All incidents in a data directory: one folder each; a broken incident is reported, never blocks the others. Opened lazily when
// asked to: start reads each incident's small summary (incident-summary.ts) and leaves its log closed until first access, unless
// the summary is missing or stale or the incident needs the core at start (open outbox writes, a running rollback, problems).
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { IncidentEvent, NewEvent } from '../../../shared/events';
import type { LogProblem } from '../../../shared/ipc';
import { DomainError } from '../../../shared/result';
import { currentRequestId } from '../ipc/request-context';
import { PRIVATE_DIR_MODE } from '../base/durable-file';
import { HOT_EVENTS, IncidentLog, LOG_FILE, type IncidentLogOptions } from './incident-log';
import type { ProjectionDef } from '../../../shared/projections/incremental-projection';
import { ProjectionCache, type FoldOrder } from './projection-cache';
import { domainProjections, incidentProjection, timelineIndexProjection } from '../../../shared/projections/domain-projections';
import { TimelineIndex } from '../../../shared/timeline/timeline-index';
import { needsNoAttention, readSummary, type IncidentSummary } from './incident-summary';
import { isUsable, readSnapshot, snapshotProjections } from './projection-snapshot';
import { StateFiles } from './state-files';

export interface StoredIncident {
  id: string;
  /** Undefined while the incident is listed from its summary only (see ensureOpen), or when its log cannot be opened. */
  log?: IncidentLog;
  problems: LogProblem[];
  /** Set while the log is not opened yet: what listing and background passes read instead. */
  summary?: IncidentSummary;
}

export interface StoreOpenOptions {
  /** List incidents from their summaries and open each log on first access (the core); tests of the log itself open eagerly. */
  lazy?: boolean;
  /** The app version: names the projection snapshots a lazy store writes (one written by another build is ignored). */
  build?: string;
}

export type AppendListener = (incidentId: string, events: IncidentEvent[]) => void;
/** Told when an incident's problems change without new events: its disk refused a write or accepts them again, a report was acknowledged. */
export type ProblemsListener = (incidentId: string) => void;

/** The events one client request appended (their seqs: the events themselves stay in the log), found by its request id. */
export interface CommittedRequest {
  incidentId: string;
  seqs: number[];
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,100}$/;

export function incidentIdFor(title: string, at: Date, suffix = randomBytes(3).toString('hex')): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${at.toISOString().slice(0, 10)}-${slug || 'incident'}-${suffix}`;
}

export interface AppendOptions {
  /** The events come from another laptop (team sync): stored as written, without this installation's identity stamp. */
  received?: boolean;
}

/** Request ids remembered for recognising a retry (the newest, across incidents): twice the events a log keeps parsed. */
const REMEMBERED_REQUESTS = 2 * HOT_EVENTS;

export class IncidentStore {
  private readonly incidents = new Map<string, StoredIncident>();
  private readonly listeners = new Set<AppendListener>();
  /** Request id → the events it appended; rebuilt from the logs on open, so retries are recognised across restarts. */
  private readonly requests = new Map<string, CommittedRequest>();
  private readonly problemListeners = new Set<ProblemsListener>();
  private readonly projections = (() => {
    const cache = new ProjectionCache();
    // Every domain is folded at start (the summary and snapshot, the outbox worker, rollback recovery): one pass over the log for all.
    for (const def of [...domainProjections, ...snapshotProjections]) cache.foldTogether(def as ProjectionDef<unknown, unknown>);
    return cache;
  })();
  private readonly opening = new Map<string, Promise<void>>();
  private readonly openedListeners = new Set<(incidentId: string) => void>();
  private onChainBroken: ((incidentId: string) => void) | undefined;
  /** The summaries and projection snapshots beside the logs, kept by lazy stores (which list from the summaries). */
  private stateFiles: StateFiles | undefined;
  private build = '';
  /** Who this installation's user is: events they record carry their handle and device id (see stampIdentity). */
  private identity: (() => { name: string; handle: string; deviceId: string }) | undefined;

  private constructor(
    readonly incidentsDir: string,
    private readonly logOptions: IncidentLogOptions,
  ) {}

  static async open(dataDir: string, logOptions: IncidentLogOptions = {}, options: StoreOpenOptions = {}): Promise<IncidentStore> {
    const store = new IncidentStore(join(dataDir, 'incidents'), logOptions);
    store.build = options.build ?? '';
    if (options.lazy) {
      store.stateFiles = new StateFiles({
        incidentsDir: store.incidentsDir,
        build: store.build,
        incident: (id) => store.incidents.get(id),
        projection: (id, def) => store.projection(id, def),
        statesOf: (id, log) => store.projections.statesOf(id, log, snapshotProjections),
      });
    }
    await mkdir(store.incidentsDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const names = (await readdir(store.incidentsDir)).filter((n) => ID_PATTERN.test(n)).sort();
    await Promise.all(names.map((n) => (options.lazy ? store.listFromSummary(n) : store.load(n))));
    // Listed in folder-name order, not in the order the reads happened to finish.
    const loaded = [...store.incidents.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    store.incidents.clear();
    for (const incident of loaded) store.incidents.set(incident.id, incident);
    return store;
  }

  /** Lists the incident from its summary when that is current and nothing in it needs the core now; otherwise opens the log. */
  private async listFromSummary(id: string): Promise<void> {
    const found = await readSummary(join(this.incidentsDir, id));
    if (found?.current && found.summary.state && needsNoAttention(found.summary)) this.incidents.set(id, { id, problems: [], summary: found.summary });
    else await this.load(id, found?.summary, found?.current === true);
  }

  /** Opens the incident's log if it is only listed from its summary; concurrent callers share one open. */
  async ensureOpen(id: string): Promise<StoredIncident> {
    const incident = this.get(id);
    if (!incident.summary) return incident;
    let opening = this.opening.get(id);
    if (!opening) {
      opening = this.load(id, incident.summary, true).then(() => {
        this.opening.delete(id);
        if (this.onChainBroken) void this.verifyChain(id, this.onChainBroken);
        for (const l of this.openedListeners) l(id);
      });
      this.opening.set(id, opening);
    }
    await opening;
    return this.get(id);
  }

  /** Told when a lazily listed incident's log was opened (its signed checkpoint can be checked now). */
  onOpened(listener: (incidentId: string) => void): () => void {
    this.openedListeners.add(listener);
    return () => this.openedListeners.delete(listener);
  }

  /** Opens the incident's log; `summary` is the last summary written for it, if any (possibly stale). */
  private async load(id: string, summary?: IncidentSummary, current = false): Promise<void> {
    const dir = join(this.incidentsDir, id);
    try {
      if (!(await stat(dir)).isDirectory()) return;
      // The snapshot is a small read, done while the log is read and parsed.
      const [log, snapshot] = await Promise.all([IncidentLog.open(dir, this.logOptions), readSnapshot(dir)]);
      const problems = [...log.problems];
      if (log.firstEvent?.type !== 'incident.declared') {
        problems.push({
          kind: 'unreadable',
          file: join(dir, LOG_FILE),
          line: 1,
          message: 'The log does not start with an incident declaration, so the incident cannot be shown.',
        });
      }
      this.incidents.set(id, { id, log, problems });
      // A retried request concerns the newest events (a client retries within seconds of losing an answer): only the log's
      // in-memory tail is indexed, never a pass over the file (at a million events that pass held the host for seconds).
      for (const chunk of log.readChunks(log.inMemoryFromSeq)) this.indexRequests(id, chunk);
      const summaryCurrent = current && summary?.logSize === log.byteSize && summary.lastSeq === log.lastSeq;
      // A snapshot's states (and the summary's incident state) are the fold of the log's first logSize bytes; when the seal vouches
      // those bytes are unchanged since Firebreak wrote them, resume from it instead of folding 100k events again.
      if (snapshot && isUsable(snapshot, log, this.build)) {
        const seeds = snapshotProjections.flatMap((def) => (snapshot.states.has(def.name) ? [{ def, state: snapshot.states.get(def.name) }] : []));
        this.projections.seed(id, log, snapshot.lastSeq, seeds);
      } else if (summary?.state && summary.logSize <= log.trustedAtOpen && log.eventAt(summary.lastSeq) !== undefined) {
        this.projections.seed(id, log, summary.lastSeq, [{ def: incidentProjection as ProjectionDef<unknown, unknown>, state: { started: true, state: summary.state } }]);
      }
      // A missing or stale summary and snapshot are rebuilt shortly, in the background (they fold every domain past what they held).
      if (!summaryCurrent) this.stateFiles?.schedule(id);
    } catch (e) {
      this.incidents.set(id, {
        id,
        problems: [{ kind: 'unreadable', file: join(dir, LOG_FILE), line: 0, message: `Could not open the incident log: ${(e as Error).message}` }],
      });
    }
  }

  /**
   * Verifies every incident's hash chain, in slices so start-up and requests are not held up; a broken chain
   * becomes a problem shown with the incident. Calls `onBroken` for each incident whose chain is broken.
   * Only events after the verified prefix recorded in each log's seal are hashed (see IncidentLog.verifyChain).
   */
  async verifyChains(onBroken: (incidentId: string) => void = () => undefined): Promise<void> {
    // Logs opened later (lazily) are verified as they open.
    this.onChainBroken = onBroken;
    for (const incident of [...this.incidents.values()]) await this.verifyChain(incident.id, onBroken);
  }

  private async verifyChain(id: string, onBroken: (incidentId: string) => void): Promise<void> {
    const incident = this.incidents.get(id);
    if (!incident?.log) return;
    const { verdict } = await incident.log.verifyChain();
    if (!verdict.ok && !incident.problems.some((p) => p.kind === 'chain_broken')) {
      const index = incident.log.indexOfSeq(verdict.seq);
      incident.problems.push({
        kind: 'chain_broken',
        file: join(incident.log.file),
        line: index + 1,
        message: `Integrity check failed: ${verdict.reason}. The log may have been edited outside Firebreak; treat events from #${verdict.seq} on with care.`,
      });
      onBroken(incident.id);
    }
  }

  /** Loads an incident folder written by someone else (an import) into the store. */
  async adopt(id: string): Promise<void> {
    if (this.incidents.has(id)) throw new DomainError('conflict', `Incident ${id} already exists.`);
    await this.load(id);
  }

  private indexRequests(incidentId: string, events: readonly IncidentEvent[]): void {
    for (const e of events) {
      if (e.rid === undefined) continue;
      const known = this.requests.get(e.rid);
      if (known?.incidentId === incidentId) known.seqs.push(e.seq);
      else if (!known) this.requests.set(e.rid, { incidentId, seqs: [e.seq] });
    }
    // The oldest requests are forgotten first (a Map iterates in insertion order): a long session stays bounded.
    for (const oldest of this.requests.keys()) {
      if (this.requests.size <= REMEMBERED_REQUESTS) break;
      this.requests.delete(oldest);
    }
  }

  /** What the request with this client request id appended, if it committed anything. */
  committedRequest(requestId: string): CommittedRequest | undefined {
    return this.requests.get(requestId);
  }

  /**
   * Calls `listener` after every append. `first` listeners run before the others: team sync places new events in the merge
   * order there, so every other listener (outbox worker, cockpit notifications) already reads projections that include them.
   */
  onAppend(listener: AppendListener, options: { first?: boolean } = {}): () => void {
    if (options.first) {
      const rest = [...this.listeners];
      this.listeners.clear();
      this.listeners.add(listener);
      for (const l of rest) this.listeners.add(l);
    } else this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onProblemsChanged(listener: ProblemsListener): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  /** The user has seen what crash recovery did to this incident's log: stop reporting it. */
  async acknowledgeRecovery(id: string): Promise<void> {
    const incident = await this.ensureOpen(id);
    if (!incident.log) return;
    await incident.log.acknowledgeRecovery();
    incident.problems = incident.problems.filter((p) => p.kind !== 'torn_tail');
    this.stateFiles?.schedule(id);
    for (const l of this.problemListeners) l(id);
  }

  /**
   * A domain's projection of the incident (see shared/projections/domain-projections.ts), advanced by only the events appended
   * since it was last read. Throws not_found for an unknown incident; an unreadable one gives the projection's empty value.
   */
  /** Team sync: shared incidents are projected in the merged team order `orderOf` gives (undefined: the log's own order). */
  useFoldOrder(orderOf: (incidentId: string) => FoldOrder | undefined): void {
    this.projections.useOrder(orderOf);
  }

  /** Projections to advance in one pass when any of them must read old events back from disk (ProjectionCache.foldTogether). */
  foldTogether<S, V>(def: ProjectionDef<S, V>): void {
    this.projections.foldTogether(def);
  }

  projection<S, V>(id: string, def: ProjectionDef<S, V>): V {
    return this.projections.read(id, this.get(id).log, def);
  }

  /** Folds the timeline index to the log's end a slice at a time, answering requests between slices (ProjectionCache.catchUp). */
  async buildTimelineIndex(id: string): Promise<void> {
    const log = (await this.ensureOpen(id)).log;
    if (log) await this.projections.catchUp(id, log, this.logTimelineIndex);
  }

  /**
   * The timeline index the core serves pages and search from. Unlike timelineIndexProjection's own, it holds no event: it reads
   * a page's events from the log by seq (most from the file), so a million-event incident is not kept in memory twice over.
   */
  timelineIndex(id: string): TimelineIndex {
    return this.projection(id, this.logTimelineIndex);
  }

  private readonly logTimelineIndex: ProjectionDef<TimelineIndex> = {
    ...timelineIndexProjection,
    name: 'timeline index (events read from the log)',
    initial: (incidentId) => new TimelineIndex((seq) => this.incidents.get(incidentId)?.log?.eventAt(seq)),
  };

  list(): StoredIncident[] {
    return [...this.incidents.values()];
  }

  has(id: string): boolean {
    return this.incidents.has(id);
  }

  get(id: string): StoredIncident {
    const found = this.incidents.get(id);
    if (!found) throw new DomainError('not_found', `No incident with id ${id}.`);
    return found;
  }

  private writable(id: string): IncidentLog {
    const found = this.get(id);
    if (!found.log || found.problems.some((p) => p.kind === 'unreadable')) {
      throw new DomainError('conflict', `Incident ${id} cannot be changed because its log is unreadable.`);
    }
    return found.log;
  }

  /** Creates a new incident folder whose log starts with `declaration`. */
  async create(id: string, declaration: Extract<NewEvent, { type: 'incident.declared' }>, options: AppendOptions = {}): Promise<IncidentEvent[]> {
    if (this.incidents.has(id)) throw new DomainError('conflict', `Incident ${id} already exists.`);
    const dir = join(this.incidentsDir, id);
    const log = await IncidentLog.open(dir, this.logOptions);
    if (log.eventCount > 0) {
      await log.close();
      throw new DomainError('conflict', `The folder for incident ${id} already holds events.`);
    }
    this.incidents.set(id, { id, log, problems: [] });
    try {
      return await this.append(id, [declaration], options);
    } catch (e) {
      this.incidents.delete(id);
      await log.close();
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
  }

  /** Events whose actor is this installation's user get `actorIdentity` (handle + device id); others (a Jira author) do not. */
  stampIdentity(identity: () => { name: string; handle: string; deviceId: string }): void {
    this.identity = identity;
  }

  private stamped(events: readonly NewEvent[]): readonly NewEvent[] {
    const me = this.identity?.();
    if (!me) return events;
    return events.map((e) => (e.actor === me.name && !e.actorIdentity ? { ...e, actorIdentity: { handle: me.handle, deviceId: me.deviceId } } : e));
  }

  async append(id: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<IncidentEvent[]> {
    if (this.get(id).summary) await this.ensureOpen(id);
    const log = this.writable(id);
    // Events appended while serving a client request carry its id (see ipc/request-context.ts).
    const requestId = currentRequestId();
    try {
      // Events received from another laptop keep the identity they were written with (or none): never this laptop's.
      const own = options.received ? events : this.stamped(events);
      const stored = await log.append(requestId === undefined ? own : own.map((e) => ({ ...e, rid: requestId })));
      this.indexRequests(id, stored);
      this.showWriteProblem(id, log);
      this.stateFiles?.schedule(id);
      for (const l of this.listeners) l(id, stored);
      return stored;
    } catch (e) {
      this.showWriteProblem(id, log);
      throw e;
    }
  }

  /** Keeps the incident's problems in step with whether its disk accepts writes (the cockpit shows it as read-only meanwhile). */
  private showWriteProblem(id: string, log: IncidentLog): void {
    const incident = this.incidents.get(id);
    if (!incident) return;
    const shown = incident.problems.find((p) => p.kind === 'write_blocked');
    const current = log.writeProblem;
    if (shown?.message === current?.message) return;
    incident.problems = [...incident.problems.filter((p) => p.kind !== 'write_blocked'), ...(current ? [current] : [])];
    for (const l of this.problemListeners) l(id);
  }

  async close(): Promise<void> {
    await Promise.all([...this.opening.values()]);
    // Summaries and snapshots go out with the logs' final sizes, so the next start lists every incident without opening its log.
    const closeLogs = async () => void (await Promise.all([...this.incidents.values()].map((i) => i.log?.close())));
    await (this.stateFiles ? this.stateFiles.flush(closeLogs) : closeLogs());
    this.incidents.clear();
    this.requests.clear();
    this.projections.clear();
  }
}
