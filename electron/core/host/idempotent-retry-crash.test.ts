// A note committed by a host that is SIGKILLed before its answer is read: after a restart, retrying with the same request id
// returns the original event and the incident holds the note once.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { rpc, startHostProcess, type HostProcess } from './testing/host-process';

let dataDir: string;
let host: HostProcess | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-retry-crash-'));
});
afterEach(async () => {
  await host?.kill();
  await rm(dataDir, { recursive: true, force: true });
});

it('answers a retry after kill -9 and restart with the original note, stored once', { timeout: 120_000 }, async () => {
  host = await startHostProcess(dataDir);
  const declared = await rpc(host, 'incidents.declare', { title: 'Crash retry', severity: 'SEV2', commander: 'kim' }, 'declare-request-0001');
  const incidentId = (declared.body.value as { id: string }).id;
  const requestId = 'note-request-00000001';
  const logFile = join(dataDir, 'incidents', incidentId, 'events.jsonl');

  // Send the note and never read the answer: kill the host as soon as the note is on disk.
  void rpc(host, 'incidents.addNote', { incidentId, text: 'committed, answer lost' }, requestId).catch(() => undefined);
  await vi.waitFor(async () => expect(await readFile(logFile, 'utf8')).toContain('committed, answer lost'), { timeout: 30_000, interval: 5 });
  await host.kill();
  const stored = (await readFile(logFile, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { seq: number; type: string })
    .find((e) => e.type === 'note.added')!;

  host = await startHostProcess(dataDir);
  const retry = await rpc(host, 'incidents.addNote', { incidentId, text: 'committed, answer lost' }, requestId);
  expect(retry.body).toEqual({ ok: true, value: stored });
  const timeline = await rpc(host, 'timeline.events', { incidentId });
  const notes = (timeline.body.value as { events: { type: string }[] }).events.filter((e) => e.type === 'note.added');
  expect(notes).toHaveLength(1);
});
