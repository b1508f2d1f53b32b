// A clean close seals only bytes this process validated or wrote: a line another writer appended meanwhile is fully validated on
// the next open instead of being trusted by the cheap sealed-prefix check.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { IncidentEvent } from '../../../shared/events';
import { IncidentLog, LOG_FILE } from './incident-log';
import { sealedLength } from './log-seal';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-seal-prefix-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('validates on the next open a line another writer appended while the log was open, even after a clean close', async () => {
  const log = await IncidentLog.open(dir);
  await log.append([{ type: 'incident.declared', actor: 'ana', payload: { title: 'Seal', severity: 'SEV3', commander: 'ana', services: [] } }]);
  // Another writer appends an event with a valid envelope and a known type but a payload the schema refuses.
  const forged = { v: 1, seq: 2, ts: '2026-01-01T00:00:00.000Z', actor: 'mallory', type: 'incident.status_changed', payload: { from: 'investigating', to: 'exploded' } };
  await appendFile(join(dir, LOG_FILE), `${JSON.stringify(forged)}\n`);
  await log.close();

  const reopened = await IncidentLog.open(dir);
  expect(reopened.events.map((e) => e.seq)).toEqual([1]);
  expect(reopened.problems.map((p) => [p.kind, p.line])).toEqual([['corrupt_line', 2]]);
  await reopened.close();
});

it('reads what it validated on open back from the file to seal it, and seals nothing if those bytes changed meanwhile', async () => {
  const file = join(dir, LOG_FILE);
  const first = await IncidentLog.open(dir);
  await first.append([{ type: 'incident.declared', actor: 'ana', payload: { title: 'Seal', severity: 'SEV3', commander: 'ana', services: [] } }]);
  await first.append([{ type: 'note.added', actor: 'ana', payload: { text: 'original' } }]);
  await first.close();
  // Appended by a process that died before sealing it: validated by the next open, sealed only when read back unchanged.
  const tail = (await readFile(file, 'utf8')).trim().split('\n').at(-1)!.replace('"seq":2', '"seq":3');
  await appendFile(file, `${tail}\n`);

  const unchanged = await IncidentLog.open(dir);
  await unchanged.close();
  expect(await sealedLength(file)).toBe((await readFile(file)).length);

  await appendFile(file, `${tail.replace('"seq":3', '"seq":4')}\n`);
  const reopened = await IncidentLog.open(dir);
  // Someone edits a validated line after the open (same length, a payload the schema refuses): the close must not seal it.
  await writeFile(file, (await readFile(file, 'utf8')).replace('"text":"original"', '"text":1234567890'));
  await reopened.close();
  expect(await sealedLength(file)).toBe(0);
  const next = await IncidentLog.open(dir);
  expect(next.problems.map((p) => [p.kind, p.line])).toEqual([['corrupt_line', 2]]);
  await next.close();
});

it('after a crash validates only the unsealed tail in full, and recovers a torn last line without validating the log again', async () => {
  const file = join(dir, LOG_FILE);
  const log = await IncidentLog.open(dir);
  await log.append([{ type: 'incident.declared', actor: 'ana', payload: { title: 'Crash', severity: 'SEV3', commander: 'ana', services: [] } }]);
  await log.append(Array.from({ length: 50 }, (_, i) => ({ type: 'note.added' as const, actor: 'ana', payload: { text: `sealed ${i}` } })));
  await log.close();
  // A process that appended three events and died mid-write: they are past the seal, and the last line is torn.
  const last = JSON.parse((await readFile(file, 'utf8')).trim().split('\n').at(-1)!) as { seq: number };
  const tail = [52, 53, 54].map((seq) => JSON.stringify({ ...last, seq, payload: { text: `tail ${seq}` } }));
  await appendFile(file, `${tail.join('\n')}\n${tail[0]!.slice(0, 40)}`);

  const fullChecks = vi.spyOn(IncidentEvent, 'safeParse');
  const reopened = await IncidentLog.open(dir);
  // Three full checks: the tail only. The sealed prefix is never parsed a second time with full validation (which a seal that
  // failed to match, or a recovery that re-read the log, would do: 54 checks).
  expect(fullChecks).toHaveBeenCalledTimes(3);
  expect(reopened.events.map((e) => e.seq).slice(-4)).toEqual([51, 52, 53, 54]);
  expect(reopened.problems.map((p) => p.kind)).toEqual(['torn_tail']);
  fullChecks.mockRestore();
  await reopened.close();
});
