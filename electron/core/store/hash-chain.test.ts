import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { canonicalJson, verifyChain } from './hash-chain';
import { IncidentLog, LOG_FILE } from './incident-log';
import { IncidentStore } from './incident-store';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-chain-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

it('canonical JSON ignores key order', () => {
  expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }));
});

it('every appended event extends the chain, across reopen', async () => {
  const dir = join(dataDir, 'incidents', 'chain-test');
  const log = await IncidentLog.open(dir);
  await log.append([{ type: 'incident.declared', actor: 'a', payload: { title: 'Chain', severity: 'SEV3', commander: 'a', services: [] } }]);
  await log.append([{ type: 'note.added', actor: 'a', payload: { text: 'one' } }]);
  await log.close();
  const reopened = await IncidentLog.open(dir);
  await reopened.append([{ type: 'note.added', actor: 'a', payload: { text: 'two' } }]);
  expect(verifyChain(reopened.events)).toMatchObject({ ok: true });
  await reopened.close();
});

it('tampering with a past event is detected and shown as a problem of that incident', async () => {
  const store = await IncidentStore.open(dataDir);
  await store.create('tamper-test', { type: 'incident.declared', actor: 'a', payload: { title: 'Tamper', severity: 'SEV3', commander: 'a', services: [] } });
  await store.append('tamper-test', [
    { type: 'note.added', actor: 'a', payload: { text: 'We decided to roll back' } },
    { type: 'note.added', actor: 'a', payload: { text: 'later' } },
  ]);
  await store.close();
  const file = join(dataDir, 'incidents', 'tamper-test', LOG_FILE);
  // Same length, still valid JSON and schema: only the chain can tell.
  await writeFile(file, (await readFile(file, 'utf8')).replace('We decided to roll back', 'We decided to roll fwd!'));

  const reopened = await IncidentStore.open(dataDir);
  expect(reopened.get('tamper-test').problems).toEqual([]);
  const broken: string[] = [];
  await reopened.verifyChains((id) => broken.push(id));
  expect(broken).toEqual(['tamper-test']);
  expect(reopened.get('tamper-test').problems).toEqual([expect.objectContaining({ kind: 'chain_broken', line: 2 })]);
  await reopened.close();
});
