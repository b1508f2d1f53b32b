// The states of an incident's start-time projections folded up to a point of its log, kept beside it so that opening the log
// after a crash folds only the events appended since, not the whole log again. The summary (incident-summary.ts) only carries
// the incident's own state, so after a crash every other pass the core runs at start (outbox worker, rollback, hot-fix and
// rollout recovery, the status page sweep, the connector poller) folded its domain over every event: at 100k events that, and
// the garbage it leaves, was most of what a start after a crash cost beyond a start after a clean close.
//
// Written with the summary (a few seconds after appends, and at close), after the log's seal was brought up to the snapshot's
// size. A cache, never a source of truth: it is used only when its checksum matches, it was written by this build (a reducer may
// change between builds), the log's seal still vouches for every byte it folded (unchanged since Firebreak validated them), and
// its last event is the log's event at that position with the same chain hash. Anything else, and it is ignored: full fold.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { hotfixProjection, incidentProjection, keyTimesProjection, linksProjection, outboxProjection, rollbackProjection } from '../../../shared/projections/domain-projections';
import type { ProjectionDef } from '../../../shared/projections/incremental-projection';
import { rolloutProjection } from '../../../shared/hotfix/rollout-state';
import { resolvedEntryProjection } from '../../../shared/status-page/project-status-page';
import { writeFileDurably } from '../base/durable-file';

export const SNAPSHOT_FILE = 'projections.snapshot';

/** Bumped when what a snapshot holds changes meaning; a snapshot of another format is ignored. */
const FORMAT = 'firebreak-projections-1';

/**
 * The projections the core folds at start or on the first read of an incident (see the module comment). Their states are plain
 * data (objects, arrays, Maps, Sets), which v8 serialization round-trips exactly. Not here: the timeline index (a class, and
 * rebuilt by its own pass) and the metrics markers and events (large, and read only when the metrics pane asks).
 */
export const snapshotProjections: readonly ProjectionDef<unknown, unknown>[] = [
  incidentProjection,
  keyTimesProjection,
  linksProjection,
  outboxProjection,
  rollbackProjection,
  hotfixProjection,
  rolloutProjection,
  resolvedEntryProjection,
] as unknown as ProjectionDef<unknown, unknown>[];

export interface ProjectionSnapshot {
  /** The build that folded the states (the app version): another build's reducers may fold differently. */
  build: string;
  /** The log's byte size when the states were taken: the line of `lastSeq` ends there. */
  logSize: number;
  lastSeq: number;
  /** The chain hash of event `lastSeq` ('' when it has none). */
  head: string;
  /** Projection name → its state folded through `lastSeq`. */
  states: Map<string, unknown>;
}

/** Where the snapshot's log stands now, as IncidentLog knows it (see isUsable). */
export interface SnapshotLogView {
  /** Leading bytes a valid seal covered when the log was opened. */
  trustedAtOpen: number;
  /** The byte after the line of the event with this seq; undefined when no event has it. */
  endOfSeq(seq: number): number | undefined;
  eventAt(seq: number): { h?: string } | undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Only plain data may be snapshotted: v8 serialization turns a class instance into a plain object silently (its methods gone),
 * which would come back as a broken state. True when `value` holds nothing but primitives, plain objects, arrays, Maps and Sets.
 */
export function isPlainData(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function' && typeof value !== 'symbol';
  if (depth > 64) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (value instanceof Map) return proto === Map.prototype && [...value].every(([k, v]) => isPlainData(k, depth + 1) && isPlainData(v, depth + 1));
  if (value instanceof Set) return proto === Set.prototype && [...value].every((v) => isPlainData(v, depth + 1));
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false;
  return Object.values(value).every((v) => isPlainData(v, depth + 1));
}

/** The file's bytes: a header line naming the format and the sha256 of the payload, then the v8-serialized snapshot. */
export function encodeSnapshot(snapshot: ProjectionSnapshot): Buffer {
  const payload = serialize({ ...snapshot, states: [...snapshot.states] });
  const header = `${FORMAT} ${createHash('sha256').update(payload).digest('hex')}\n`;
  return Buffer.concat([Buffer.from(header, 'latin1'), payload]);
}

/** The snapshot in `bytes`, or undefined when they are not one this code wrote whole (torn, corrupt, another format). */
export function decodeSnapshot(bytes: Buffer): ProjectionSnapshot | undefined {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0 || newline > 200) return undefined;
  const [format, digest] = bytes.toString('latin1', 0, newline).split(' ');
  const payload = bytes.subarray(newline + 1);
  if (format !== FORMAT || digest !== createHash('sha256').update(payload).digest('hex')) return undefined;
  try {
    const raw: unknown = deserialize(payload);
    if (!isPlainObject(raw) || !Array.isArray(raw.states)) return undefined;
    const { build, logSize, lastSeq, head } = raw;
    if (typeof build !== 'string' || typeof logSize !== 'number' || typeof lastSeq !== 'number' || typeof head !== 'string') return undefined;
    const states = new Map<string, unknown>();
    for (const entry of raw.states as unknown[]) if (Array.isArray(entry) && typeof entry[0] === 'string') states.set(entry[0], entry[1]);
    return { build, logSize, lastSeq, head, states };
  } catch {
    return undefined;
  }
}

/** The snapshot beside the log in `dir`, or undefined when it is missing or unreadable as one (see decodeSnapshot). */
export async function readSnapshot(dir: string): Promise<ProjectionSnapshot | undefined> {
  try {
    return decodeSnapshot(await readFile(join(dir, SNAPSHOT_FILE)));
  } catch {
    return undefined;
  }
}

/** Replaces the snapshot beside the log in `dir` with `bytes` (encodeSnapshot): a kill leaves the old one or the new one, never half. */
export async function writeSnapshot(dir: string, bytes: Uint8Array): Promise<void> {
  await writeFileDurably(join(dir, SNAPSHOT_FILE), bytes);
}

/** Whether `snapshot` may seed the projections of `log` as it was opened by `build` (see the module comment). */
export function isUsable(snapshot: ProjectionSnapshot, log: SnapshotLogView, build: string): boolean {
  return (
    snapshot.build === build &&
    snapshot.lastSeq > 0 &&
    snapshot.logSize <= log.trustedAtOpen &&
    log.endOfSeq(snapshot.lastSeq) === snapshot.logSize &&
    (log.eventAt(snapshot.lastSeq)?.h ?? '') === snapshot.head
  );
}
