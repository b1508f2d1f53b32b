// Incremental chain verification. What is verified when:
// - On every open, the sealed prefix's sha256 is recomputed over the bytes (log-seal.ts). The seal records how far the hash chain
//   was verified ({ size, seq, head }), and that record is used only when the seal itself matches the bytes.
// - verifyChain() then hashes only the events after that recorded prefix, starting from the recorded head; with no usable record
//   (no seal, a seal the bytes no longer match, a quarantined line, a head that differs from the event's stored hash) it hashes all.
// - So any change inside the verified prefix is still detected: it voids the seal and the whole chain is hashed again. What the
//   chain cannot catch is an edit whose author also rewrites the seal (and every later hash); signed checkpoints cover that.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type IncidentEvent, type NewEvent } from '../../../shared/events';
import { chainHash } from './hash-chain';
import { IncidentLog, LOG_FILE } from './incident-log';
import { sealFileOf } from './log-seal';

const declared: NewEvent = { type: 'incident.declared', actor: 'ana', payload: { title: 'Chain', severity: 'SEV2', commander: 'ana', services: [] } };
const note = (text: string): NewEvent => ({ type: 'note.added', actor: 'ana', payload: { text } });

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-chain-'));
  file = join(dir, LOG_FILE);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function logWithNotes(count: number): Promise<void> {
  const log = await IncidentLog.open(dir);
  await log.append([declared, ...Array.from({ length: count }, (_, i) => note(`note ${i}`))]);
  expect((await log.verifyChain()).verdict.ok).toBe(true);
  await log.close();
}

it('hashes only the events appended since the verified prefix, after a clean close and after events written by another process', async () => {
  await logWithNotes(20);
  const reopened = await IncidentLog.open(dir);
  expect(reopened.chainVerifiedThrough?.seq).toBe(21);
  expect(await reopened.verifyChain()).toMatchObject({ verdict: { ok: true }, hashed: 0 });
  await reopened.append([note('one more'), note('and another')]);
  // Own appends extend the verified prefix: nothing to hash for them either.
  expect(await reopened.verifyChain()).toMatchObject({ verdict: { ok: true }, hashed: 0 });
  await reopened.close();

  // Three correctly chained events appended outside this process (as after a crash: bytes the seal does not cover).
  let previous = (await IncidentLog.open(dir).then(async (l) => { const h = l.events.at(-1)!.h!; await l.close(); return h; }));
  const lines: string[] = [];
  for (let seq = 24; seq <= 26; seq++) {
    const e: IncidentEvent = { v: EVENT_SCHEMA_VERSION, seq, ts: '2026-01-01T00:00:00.000Z', actor: 'ana', type: 'note.added', payload: { text: `tail ${seq}`, kind: 'note' } };
    e.h = chainHash(previous, e);
    previous = e.h;
    lines.push(JSON.stringify(e));
  }
  await appendFile(file, `${lines.join('\n')}\n`);
  const afterCrash = await IncidentLog.open(dir);
  expect(afterCrash.events).toHaveLength(26);
  expect(await afterCrash.verifyChain()).toMatchObject({ verdict: { ok: true }, hashed: 3 });
  await afterCrash.close();
});

it('still detects a change inside the verified prefix: the seal no longer matches, so the whole chain is hashed again', async () => {
  await logWithNotes(20);
  const text = await readFile(file, 'utf8');
  // Same length, valid JSON and schema: only the hash chain can tell.
  await writeFile(file, text.replace('"note 5"', '"note X"'));
  const tampered = await IncidentLog.open(dir);
  expect(tampered.chainVerifiedThrough).toBeUndefined();
  const check = await tampered.verifyChain();
  expect(check.hashed).toBe(21);
  expect(check.verdict).toMatchObject({ ok: false, seq: 7 });
  await tampered.close();
});

it('ignores a recorded prefix whose head is not the hash stored with that event', async () => {
  await logWithNotes(5);
  const seal = JSON.parse(await readFile(sealFileOf(file), 'utf8')) as { size: number; sha256: string; chain: { head: string } };
  seal.chain.head = 'f'.repeat(64);
  await writeFile(sealFileOf(file), JSON.stringify(seal));
  const log = await IncidentLog.open(dir);
  expect(await log.verifyChain()).toMatchObject({ verdict: { ok: true }, hashed: 6 });
  await log.close();
});

it('documents the limit: an edit together with a re-forged seal and chain is not caught by the chain (signed checkpoints are)', async () => {
  await logWithNotes(3);
  const events = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as IncidentEvent);
  (events[2]!.payload as { text: string }).text = 'rewritten';
  let previous = '0'.repeat(64);
  for (const e of events) previous = e.h = chainHash(previous, e);
  const bytes = Buffer.from(`${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
  await writeFile(file, bytes);
  await writeFile(sealFileOf(file), JSON.stringify({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), chain: { size: bytes.length, seq: 4, head: previous } }));
  const log = await IncidentLog.open(dir);
  expect(await log.verifyChain()).toMatchObject({ verdict: { ok: true }, hashed: 0 });
  await log.close();
});
