// All incidents in a data directory: one folder each, opened at start; a broken incident is reported, never blocks the others.
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { IncidentEvent, NewEvent } from '../../../shared/events';
import type { LogProblem } from '../../../shared/ipc';
import { DomainError } from '../../../shared/result';
import { currentRequestId } from '../ipc/request-context';
import { verifyChainInSlices } from './hash-chain';
import { PRIVATE_DIR_MODE } from '../base/durable-file';
import { IncidentLog, LOG_FILE, type IncidentLogOptions } from './incident-log';
import type { ProjectionDef } from '../../../shared/projections/incremental-projection';
import { ProjectionCache } from './projection-cache';

export interface StoredIncident {
  id: string;
  log?: IncidentLog;
  problems: LogProblem[];
}

export type AppendListener = (incidentId: string, events: IncidentEvent[]) => void;
/** Told when an incident's problems change without new events: its disk refused a write or accepts them again, a report was acknowledged. */
export type ProblemsListener = (incidentId: string) => void;

/** The events one client request appended, found by its request id. */
export interface CommittedRequest {
  incidentId: string;
  events: IncidentEvent[];
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

export class IncidentStore {
  private readonly incidents = new Map<string, StoredIncident>();
  private readonly listeners = new Set<AppendListener>();
  /** Request id → the events it appended; rebuilt from the logs on open, so retries are recognised across restarts. */
  private readonly requests = new Map<string, CommittedRequest>();
  private readonly problemListeners = new Set<ProblemsListener>();
  private readonly projections = new ProjectionCache();

  private constructor(
    readonly incidentsDir: string,
    private readonly logOptions: IncidentLogOptions,
  ) {}

  static async open(dataDir: string, logOptions: IncidentLogOptions = {}): Promise<IncidentStore> {
    const store = new IncidentStore(join(dataDir, 'incidents'), logOptions);
    await mkdir(store.incidentsDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const names = (await readdir(store.incidentsDir)).filter((n) => ID_PATTERN.test(n)).sort();
    await Promise.all(names.map((n) => store.load(n)));
    return store;
  }

  private async load(id: string): Promise<void> {
    const dir = join(this.incidentsDir, id);
    try {
      if (!(await stat(dir)).isDirectory()) return;
      const log = await IncidentLog.open(dir, this.logOptions);
      const problems = [...log.problems];
      if (log.events[0]?.type !== 'incident.declared') {
        problems.push({
          kind: 'unreadable',
          file: join(dir, LOG_FILE),
          line: 1,
          message: 'The log does not start with an incident declaration, so the incident cannot be shown.',
        });
      }
      this.incidents.set(id, { id, log, problems });
      this.indexRequests(id, log.events);
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
   */
  async verifyChains(onBroken: (incidentId: string) => void = () => undefined): Promise<void> {
    for (const incident of [...this.incidents.values()]) {
      if (!incident.log) continue;
      const verdict = await verifyChainInSlices(incident.log.events);
      if (!verdict.ok && !incident.problems.some((p) => p.kind === 'chain_broken')) {
        const index = incident.log.events.findIndex((e) => e.seq === verdict.seq);
        incident.problems.push({
          kind: 'chain_broken',
          file: join(incident.log.file),
          line: index + 1,
          message: `Integrity check failed: ${verdict.reason}. The log may have been edited outside Firebreak; treat events from #${verdict.seq} on with care.`,
        });
        onBroken(incident.id);
      }
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
      if (known?.incidentId === incidentId) known.events.push(e);
      else if (!known) this.requests.set(e.rid, { incidentId, events: [e] });
    }
  }

  /** What the request with this client request id appended, if it committed anything. */
  committedRequest(requestId: string): CommittedRequest | undefined {
    return this.requests.get(requestId);
  }

  onAppend(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onProblemsChanged(listener: ProblemsListener): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  /** The user has seen what crash recovery did to this incident's log: stop reporting it. */
  async acknowledgeRecovery(id: string): Promise<void> {
    const incident = this.get(id);
    if (!incident.log) return;
    await incident.log.acknowledgeRecovery();
    incident.problems = incident.problems.filter((p) => p.kind !== 'torn_tail');
    for (const l of this.problemListeners) l(id);
  }

  /**
   * A domain's projection of the incident (see shared/projections/domain-projections.ts), advanced by only the events appended
   * since it was last read. Throws not_found for an unknown incident; an unreadable one gives the projection's empty value.
   */
  projection<S, V>(id: string, def: ProjectionDef<S, V>): V {
    return this.projections.read(id, this.get(id).log, def);
  }

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
  async create(id: string, declaration: Extract<NewEvent, { type: 'incident.declared' }>): Promise<IncidentEvent[]> {
    if (this.incidents.has(id)) throw new DomainError('conflict', `Incident ${id} already exists.`);
    const dir = join(this.incidentsDir, id);
    const log = await IncidentLog.open(dir, this.logOptions);
    if (log.events.length > 0) {
      await log.close();
      throw new DomainError('conflict', `The folder for incident ${id} already holds events.`);
    }
    this.incidents.set(id, { id, log, problems: [] });
    try {
      return await this.append(id, [declaration]);
    } catch (e) {
      this.incidents.delete(id);
      await log.close();
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
  }

  async append(id: string, events: readonly NewEvent[]): Promise<IncidentEvent[]> {
    const log = this.writable(id);
    // Events appended while serving a client request carry its id (see ipc/request-context.ts).
    const requestId = currentRequestId();
    try {
      const stored = await log.append(requestId === undefined ? events : events.map((e) => ({ ...e, rid: requestId })));
      this.indexRequests(id, stored);
      this.showWriteProblem(id, log);
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
    await Promise.all([...this.incidents.values()].map((i) => i.log?.close()));
    this.incidents.clear();
    this.requests.clear();
    this.projections.clear();
  }
}
