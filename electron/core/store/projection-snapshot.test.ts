// Projection snapshots: after a crash (events appended past the last summary pass, a torn last line) the start-time
// projections resume from the snapshot and fold only the events appended since; a snapshot that is absent, torn, corrupt,
// written by another build, ahead of the seal or taken from another log is ignored, and every projection folds the whole log.
import { appendFile, copyFile, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IncidentEvent, NewEvent } from '../../../shared/events';
import { projectAll } from '../../../shared/projections/incremental-projection';
import { LOG_FILE } from './incident-log';
import { IncidentStore } from './incident-store';
import { SUMMARY_FILE } from './incident-summary';
import { sealFileOf } from './log-seal';
import { decodeSnapshot, encodeSnapshot, isPlainData, SNAPSHOT_FILE, snapshotProjections } from './projection-snapshot';

const BUILD = 'test-build';
const ids = ['2026-01-01-snapshot-aaaaaa', '2026-01-02-other-bbbbbb'];
const declared = (title: string): Extract<NewEvent, { type: 'incident.declared' }> => ({ type: 'incident.declared', actor: 'ana', payload: { title, severity: 'SEV2', commander: 'ana', services: ['api'] } });
const note = (text: string): NewEvent => ({ type: 'note.added', actor: 'ana', payload: { text } });
const queued = (intentKey: string): NewEvent => ({ type: 'outbox.intent_queued', actor: 'ana', payload: { intentKey, operation: { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'hi' } } });
const sent = (intentKey: string): NewEvent => ({ type: 'outbox.sent', actor: 'ana', payload: { intentKey, remoteId: 'c-1' } });
const status = (from: 'investigating' | 'mitigating', to: 'mitigating' | 'resolved'): NewEvent => ({ type: 'incident.status_changed', actor: 'ana', payload: { from, to } });

let dataDir: string;
/** Copies of the first incident's seal, summary and snapshot: before phase B (A) and as the last pass before the crash wrote them (B). */
let saved: string;
const dirOf = (id: string) => join(dataDir, 'incidents', id);
const CRASH_FILES = [sealFileOf(LOG_FILE), SUMMARY_FILE, SNAPSHOT_FILE];
/** Events of the first incident at the last pass before the crash, and in all (the torn line is never one). */
const AT_SNAPSHOT = 5;
const IN_ALL = 9;

async function phase(appends: Record<string, NewEvent[][]>, create = false): Promise<void> {
  const store = await IncidentStore.open(dataDir, {}, { lazy: true, build: BUILD });
  for (const [id, batches] of Object.entries(appends)) {
    if (create) await store.create(id, declared(id));
    for (const batch of batches) await store.append(id, batch);
  }
  await store.close();
}

const keep = async (label: string) => {
  for (const f of CRASH_FILES) await copyFile(join(dirOf(ids[0]!), f), join(saved, `${label}-${f}`));
};
const restore = async (label: string, files = CRASH_FILES) => {
  for (const f of files) await copyFile(join(saved, `${label}-${f}`), join(dirOf(ids[0]!), f));
};

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-snapshot-'));
  saved = await mkdtemp(join(tmpdir(), 'firebreak-snapshot-saved-'));
  await phase({ [ids[0]!]: [[note('one')]], [ids[1]!]: [[note('other one')]] }, true);
  await keep('A');
  await phase({ [ids[0]!]: [[queued('ob_aaaaaaaa'), note('two')], [status('investigating', 'mitigating')]], [ids[1]!]: [[queued('ob_bbbbbbbb'), note('other two')], [status('investigating', 'mitigating')]] });
  await keep('B');
  // Appended after the last pass, then the app dies: the files beside the log are those of pass B, and the last line is torn.
  await phase({ [ids[0]!]: [[sent('ob_aaaaaaaa'), queued('ob_cccccccc')], [note('three'), status('mitigating', 'resolved')]] });
  await restore('B');
  await appendFile(join(dirOf(ids[0]!), LOG_FILE), '{"v":1,"seq":10,"ts":"2026-01-01T00:00:00.000Z","actor":"ana","type":"note.ad');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dataDir, { recursive: true, force: true });
  await rm(saved, { recursive: true, force: true });
});

/** Counts the events each snapshot projection folds from now on. */
function countFolds(): Map<string, { count: number }> {
  const counts = new Map<string, { count: number }>();
  for (const def of snapshotProjections) {
    const counter = { count: 0 };
    counts.set(def.name, counter);
    const apply = def.apply.bind(def);
    vi.spyOn(def, 'apply').mockImplementation((state, event: IncidentEvent, incidentId) => {
      counter.count++;
      return apply(state, event, incidentId);
    });
  }
  return counts;
}

/** Opens the store as the core does after the crash and checks every snapshot projection against a fold of the whole log. */
async function openAfterCrash(build = BUILD): Promise<{ store: IncidentStore; folds: Map<string, number> }> {
  const counts = countFolds();
  const store = await IncidentStore.open(dataDir, {}, { lazy: true, build });
  const incident = store.get(ids[0]!);
  expect(incident.log).toBeDefined();
  expect(incident.problems.map((p) => p.kind)).toEqual(['torn_tail']);
  const events = incident.log!.events;
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: IN_ALL }, (_, i) => i + 1));
  const values = snapshotProjections.map((def) => store.projection(ids[0]!, def));
  // Counted before the reference folds below, which go through the same reducers.
  const folds = new Map([...counts].map(([name, c]) => [name, c.count]));
  snapshotProjections.forEach((def, i) => expect(values[i]).toEqual(projectAll(def, ids[0]!, events)));
  return { store, folds };
}

describe('projection snapshot', () => {
  it('resumes every start-time projection from the snapshot after a crash, folding only the events appended since', async () => {
    const snapshot = decodeSnapshot(await readFile(join(dirOf(ids[0]!), SNAPSHOT_FILE)));
    expect(snapshot?.lastSeq).toBe(AT_SNAPSHOT);
    expect([...snapshot!.states.keys()]).toEqual(snapshotProjections.map((d) => d.name));
    const { store, folds } = await openAfterCrash();
    for (const def of snapshotProjections) expect(folds.get(def.name)).toBe(IN_ALL - AT_SNAPSHOT);
    await store.close();
    // The close wrote a snapshot of the recovered log: the next start folds nothing.
    expect(decodeSnapshot(await readFile(join(dirOf(ids[0]!), SNAPSHOT_FILE)))?.lastSeq).toBe(IN_ALL);
  });

  it.each([
    ['absent', () => rm(join(dirOf(ids[0]!), SNAPSHOT_FILE))],
    ['torn', async () => truncate(join(dirOf(ids[0]!), SNAPSHOT_FILE), 40)],
    [
      'corrupt (a byte changed)',
      async () => {
        const file = join(dirOf(ids[0]!), SNAPSHOT_FILE);
        const bytes = await readFile(file);
        bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x01;
        await writeFile(file, bytes);
      },
    ],
    ['ahead of the seal (the seal on disk is older than the snapshot)', () => restore('A', [sealFileOf(LOG_FILE)])],
    ["taken from another incident's log", () => copyFile(join(dirOf(ids[1]!), SNAPSHOT_FILE), join(dirOf(ids[0]!), SNAPSHOT_FILE))],
    [
      'well-formed but naming another event at its position (stale after a rewrite)',
      async () => {
        const file = join(dirOf(ids[0]!), SNAPSHOT_FILE);
        const snapshot = decodeSnapshot(await readFile(file))!;
        await writeFile(file, encodeSnapshot({ ...snapshot, head: 'f'.repeat(64) }));
      },
    ],
  ])('is ignored when %s: every projection folds the whole log', async (_name, damage) => {
    await damage();
    const { store, folds } = await openAfterCrash();
    // The incident's own state may still resume from the summary (its own checks); every other projection folds every event.
    for (const def of snapshotProjections.filter((d) => d.name !== 'incident')) expect(folds.get(def.name)).toBe(IN_ALL);
    await store.close();
  });

  it('is ignored when written by another build (its reducers may fold differently)', async () => {
    const { store, folds } = await openAfterCrash('another-build');
    for (const def of snapshotProjections.filter((d) => d.name !== 'incident')) expect(folds.get(def.name)).toBe(IN_ALL);
    await store.close();
  });

  it('holds plain data only: a class instance would come back without its methods', () => {
    expect(isPlainData({ a: [1, 'x', null, undefined], m: new Map([['k', { s: new Set([1]) }]]) })).toBe(true);
    expect(isPlainData({ when: new Date() })).toBe(false);
    expect(isPlainData({ index: new (class Index {})() })).toBe(false);
    expect(isPlainData({ f: () => 1 })).toBe(false);
  });
});
