// Lazy open: a lazy store lists incidents from their summaries without reading the logs, opens a log on first access, and
// rebuilds a summary that is missing, corrupt or stale (a crash after appends) by opening the log at start.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../shared/events';
import { projectIncident } from '../../../shared/incidents/incident-state';
import { incidentProjection, outboxProjection } from '../../../shared/projections/domain-projections';
import { LOG_FILE } from './incident-log';
import { IncidentStore } from './incident-store';
import { SUMMARY_FILE } from './incident-summary';

const declared = (title: string): Extract<NewEvent, { type: 'incident.declared' }> => ({ type: 'incident.declared', actor: 'ana', payload: { title, severity: 'SEV2', commander: 'ana', services: ['api'] } });
const note = (text: string): NewEvent => ({ type: 'note.added', actor: 'ana', payload: { text } });

let dataDir: string;
const ids = ['2026-01-01-alpha-aaaaaa', '2026-01-02-beta-bbbbbb'];
const dirOf = (id: string) => join(dataDir, 'incidents', id);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-lazy-'));
  const store = await IncidentStore.open(dataDir, {}, { lazy: true });
  for (const id of ids) {
    await store.create(id, declared(id));
    await store.append(id, [note('one'), note('two')]);
  }
  await store.close();
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('lazy incident store', () => {
  it('lists every incident from its summary without opening a log, and opens one on first access', async () => {
    // Prove the logs are not parsed: give one summary a title its log does not have. Listing shows the summary's.
    const summaryFile = join(dirOf(ids[0]!), SUMMARY_FILE);
    const original = await readFile(summaryFile, 'utf8');
    const summary = JSON.parse(original) as { state: { title: string } };
    summary.state.title = 'Listed from the summary';
    await writeFile(summaryFile, JSON.stringify(summary));
    const store = await IncidentStore.open(dataDir, {}, { lazy: true });
    expect(store.list().map((i) => [i.id, i.log, i.summary?.state?.title, i.summary?.state?.eventCount])).toEqual([
      [ids[0], undefined, 'Listed from the summary', 3],
      [ids[1], undefined, ids[1], 3],
    ]);
    await store.close();

    await writeFile(summaryFile, original);
    const reopened = await IncidentStore.open(dataDir, {}, { lazy: true });
    const [first, second] = await Promise.all([reopened.ensureOpen(ids[0]!), reopened.ensureOpen(ids[0]!)]);
    expect(first).toBe(second);
    expect(first.summary).toBeUndefined();
    expect(first.log?.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(reopened.projection(ids[0]!, incidentProjection)?.eventCount).toBe(3);
    expect(reopened.get(ids[1]!).log).toBeUndefined();
    // Appending to an incident that is only listed opens it first, and continues its sequence.
    const [appended] = await reopened.append(ids[1]!, [note('three')]);
    expect(appended!.seq).toBe(4);
    await reopened.close();
  });

  it.each([
    ['missing', async (dir: string) => rm(join(dir, SUMMARY_FILE))],
    ['corrupt', async (dir: string) => writeFile(join(dir, SUMMARY_FILE), '{"format":1,"logSize":')],
    ['named for an older version of the log of the same size (edited outside Firebreak)', async (dir: string) => {
      const file = join(dir, LOG_FILE);
      await writeFile(file, (await readFile(file, 'utf8')).replace('"two"', '"TWO"'));
    }],
    ['of the wrong shape', async (dir: string) => writeFile(join(dir, SUMMARY_FILE), JSON.stringify({ format: 1, logSize: 'big' }))],
    ['stale (events appended after it was written, as after a crash)', async (dir: string) => {
      const line = JSON.stringify({ v: 1, seq: 4, ts: '2026-01-01T00:00:00.000Z', actor: 'ana', type: 'note.added', payload: { text: 'late', kind: 'note' } });
      await writeFile(join(dir, LOG_FILE), `${await readFile(join(dir, LOG_FILE), 'utf8')}${line}\n`);
    }],
  ])('opens the log at start and rebuilds a summary that is %s', async (_name, damage) => {
    const dir = dirOf(ids[0]!);
    await damage(dir);
    const store = await IncidentStore.open(dataDir, {}, { lazy: true });
    const incident = store.get(ids[0]!);
    expect(incident.log).toBeDefined();
    // A stale summary's state resumes the fold (the seal vouches for its bytes); it must equal folding the whole log.
    expect(store.projection(ids[0]!, incidentProjection)).toEqual(projectIncident(ids[0]!, incident.log!.events));
    expect(store.get(ids[1]!).log).toBeUndefined();
    await store.close();
    const rebuilt = JSON.parse(await readFile(join(dir, SUMMARY_FILE), 'utf8')) as { logSize: number; lastSeq: number };
    expect(rebuilt.logSize).toBe((await stat(join(dir, LOG_FILE))).size);
    const again = await IncidentStore.open(dataDir, {}, { lazy: true });
    expect(again.get(ids[0]!).log).toBeUndefined();
    expect(again.get(ids[0]!).summary?.lastSeq).toBe(rebuilt.lastSeq);
    await again.close();
  });

  it('opens at start an incident whose summary says the core must act on it (an outbox write not yet sent)', async () => {
    const store = await IncidentStore.open(dataDir, {}, { lazy: true });
    await store.append(ids[1]!, [{ type: 'outbox.intent_queued', actor: 'ana', payload: { intentKey: 'ob_aaaaaaaa', operation: { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'hi' } } }]);
    await store.close();
    const reopened = await IncidentStore.open(dataDir, {}, { lazy: true });
    expect(reopened.get(ids[0]!).log).toBeUndefined();
    expect(reopened.get(ids[1]!).log).toBeDefined();
    expect(reopened.projection(ids[1]!, outboxProjection).map((i) => i.status)).toEqual(['pending']);
    await reopened.close();
  });

  it('never serves a projection of a replaced log: reopening after an edit outside Firebreak rebuilds it', async () => {
    const store = await IncidentStore.open(dataDir);
    expect(store.projection(ids[0]!, incidentProjection)?.eventCount).toBe(3);
    await store.close();
    const file = join(dirOf(ids[0]!), LOG_FILE);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    await writeFile(file, `${lines.slice(0, 2).join('\n')}\n`);
    const reopened = await IncidentStore.open(dataDir);
    expect(reopened.projection(ids[0]!, incidentProjection)?.eventCount).toBe(2);
    await reopened.close();
  });
});
