// The files beside each log that let the next start skip work, rewritten a few seconds after appends and at close: the summary
// (incident-summary.ts: the incident is listed without opening its log) and the projection snapshot (projection-snapshot.ts:
// after a crash, the start-time projections resume from it and fold only the events appended since). Both are caches: a crash
// between two passes leaves them stale, and the next open detects it (rebuilds the summary, folds past the snapshot).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectionDef } from '../../../shared/projections/incremental-projection';
import { incidentProjection, linksProjection, outboxProjection, rollbackProjection } from '../../../shared/projections/domain-projections';
import type { IncidentLog } from './incident-log';
import { writeSummary, type IncidentSummary } from './incident-summary';
import { encodeSnapshot, isPlainData, writeSnapshot } from './projection-snapshot';
import type { StoredIncident } from './incident-store';

/** How long appends may go before an incident's files are rewritten; a crash in between only makes them stale. */
const SAVE_INTERVAL_MS = 2000;

export interface StateFilesDeps {
  incidentsDir: string;
  /** Names the build in snapshots (a snapshot written by another build is ignored). */
  build: string;
  incident(id: string): StoredIncident | undefined;
  projection<S, V>(id: string, def: ProjectionDef<S, V>): V;
  /** The snapshot projections' states over `log`, folded through its last event (undefined: not foldable in log order now). */
  statesOf(id: string, log: IncidentLog): { lastSeq: number; states: Map<string, unknown> } | undefined;
}

export class StateFiles {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly writes = new Map<string, Promise<void>>();
  /** Passes started by a timer: close waits for them, so none lands after the store is closed. */
  private readonly saving = new Set<Promise<void>>();

  constructor(private readonly deps: StateFilesDeps) {}

  /** Rewrites the incident's files soon (now with `delayMs` 0); appends in between are folded into the one write. */
  schedule(id: string, delayMs = SAVE_INTERVAL_MS): void {
    if (this.timers.has(id)) return;
    const timer = setTimeout(() => {
      this.timers.delete(id);
      const saving = this.save(id).finally(() => this.saving.delete(saving));
      this.saving.add(saving);
    }, delayMs);
    timer.unref?.();
    this.timers.set(id, timer);
  }

  /** At close: no pass starts on its timer any more; once `closeLogs` closed (sealed) the logs, writes what was scheduled. */
  async flush(closeLogs: () => Promise<void>): Promise<void> {
    const pending = [...this.timers.keys()];
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await closeLogs();
    await Promise.all([...this.saving, ...pending.map((id) => this.save(id))]);
  }

  private async save(id: string): Promise<void> {
    while (this.writes.has(id)) await this.writes.get(id);
    const log = this.deps.incident(id)?.log;
    if (!log) return;
    // Each is a cache: one that cannot be written this time is left stale (detected on the next open), never blocks the other.
    const write = this.saveSnapshot(id, log)
      .catch(() => undefined)
      .then(() => this.saveSummary(id, log))
      .catch(() => undefined);
    this.writes.set(id, write);
    await write;
    this.writes.delete(id);
  }

  /**
   * The states are taken (serialized) now, then the log's seal is brought up to at least their size, then they are written: a
   * snapshot is usable only within the sealed prefix, and on a seal timer of its own the seal could lag behind it after a crash.
   */
  private async saveSnapshot(id: string, log: IncidentLog): Promise<void> {
    const taken = this.deps.statesOf(id, log);
    if (!taken || taken.lastSeq === 0 || log.writeProblem) return;
    const logSize = log.endOfSeq(taken.lastSeq);
    if (logSize === undefined || ![...taken.states.values()].every((s) => isPlainData(s))) return;
    const head = log.eventAt(taken.lastSeq)?.h ?? '';
    // Encoded at once: the states are the live ones, which the next append advances in place.
    const bytes = encodeSnapshot({ build: this.deps.build, logSize, lastSeq: taken.lastSeq, head, states: taken.states });
    if ((await log.sealNow()) < logSize) return;
    await writeSnapshot(join(this.deps.incidentsDir, id), bytes);
  }

  /** Writes what listing needs from the cached projections; never for an incident with problems (it is always opened at start). */
  private async saveSummary(id: string, log: IncidentLog): Promise<void> {
    const incident = this.deps.incident(id);
    if (!incident || incident.problems.some((p) => p.kind !== 'write_blocked' && p.kind !== 'chain_broken') || log.problems.length > 0) return;
    const written = await stat(log.file).catch(() => undefined);
    // A write in flight (or a file changed behind the log's back): the next append or close writes the summary.
    if (written?.size !== log.byteSize) return;
    const projection = <S, V>(def: ProjectionDef<S, V>) => this.deps.projection(id, def);
    const links = projection(linksProjection);
    const outbox = projection(outboxProjection);
    const summary: IncidentSummary = {
      format: 1,
      logSize: log.byteSize,
      logMtimeMs: Math.floor(written.mtimeMs),
      lastSeq: log.lastSeq,
      state: projection(incidentProjection),
      problems: [],
      openOutbox: outbox.filter((i) => i.status !== 'sent' && i.status !== 'cancelled').length,
      outboxItems: outbox.length,
      runningRollbacks: projection(rollbackProjection).filter((r) => r.stage === 'running').length,
      linked: links.jiraIssues.length > 0 || links.pagerDuty !== undefined,
      ...(links.pagerDuty ? { pdIncidentId: links.pagerDuty.pdIncidentId } : {}),
    };
    await writeSummary(join(this.deps.incidentsDir, id), summary);
  }
}
