import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../shared/events';
import { IncidentLog, LOG_FILE } from './incident-log';

const declared: NewEvent = { type: 'incident.declared', actor: 'ana', payload: { title: 'DB saturation', severity: 'SEV2', commander: 'ana', services: ['db'] } };
const note = (text: string): NewEvent => ({ type: 'note.added', actor: 'ana', payload: { text } });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('IncidentLog', () => {
  it('assigns monotonic sequence numbers and persists events across reopen', async () => {
    const log = await IncidentLog.open(dir);
    const [first] = await log.append([declared]);
    const stored = await Promise.all([log.append([note('a')]), log.append([note('b'), note('c')])]);
    expect(first!.seq).toBe(1);
    expect(stored.flat().map((e) => e.seq)).toEqual([2, 3, 4]);
    await log.close();

    const reopened = await IncidentLog.open(dir);
    expect(reopened.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(reopened.problems).toEqual([]);
    const [next] = await reopened.append([note('d')]);
    expect(next!.seq).toBe(5);
    await reopened.close();
  });

  it('reads back text outside ASCII exactly, in the sealed prefix and in the unsealed tail', async () => {
    const texts = ['Zoë’s café: 東京 replica lag 🔥', 'plain ascii', 'Ünïcödé again'];
    const log = await IncidentLog.open(dir);
    await log.append([declared, note(texts[0]!), note(texts[1]!)]);
    await log.close();
    // Appended without a seal update (as before a crash): this line is in the tail, decoded on its own.
    const lastLine = JSON.parse((await readFile(join(dir, LOG_FILE), 'utf8')).trim().split('\n').at(-1)!) as object;
    await appendFile(join(dir, LOG_FILE), `${JSON.stringify({ ...lastLine, seq: 4, payload: { text: texts[2] } })}\n`);
    const reopened = await IncidentLog.open(dir);
    expect(reopened.events.slice(1).map((e) => (e.payload as { text: string }).text)).toEqual(texts);
    await reopened.close();
  });

  it('refuses an invalid event without writing anything', async () => {
    const log = await IncidentLog.open(dir);
    await log.append([declared]);
    expect(() => log.append([{ type: 'note.added', actor: 'ana', payload: { text: '' } }])).toThrow(/invalid/);
    const [after] = await log.append([note('still fine')]);
    expect(after!.seq).toBe(2);
    await log.close();
    expect((await readFile(join(dir, LOG_FILE), 'utf8')).trim().split('\n')).toHaveLength(2);
  });

  it('truncates a torn tail, keeps a copy of the torn bytes and reports it', async () => {
    const log = await IncidentLog.open(dir);
    await log.append([declared, note('complete')]);
    await log.close();
    await appendFile(join(dir, LOG_FILE), '{"v":1,"seq":3,"ts":"2026-');

    const reopened = await IncidentLog.open(dir);
    expect(reopened.events).toHaveLength(2);
    expect(reopened.problems).toEqual([expect.objectContaining({ kind: 'torn_tail', line: 3 })]);
    const [next] = await reopened.append([note('after recovery')]);
    expect(next!.seq).toBe(3);
    await reopened.close();
    const lines = (await readFile(join(dir, LOG_FILE), 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([1, 2, 3]);
    const saved = (await readdir(dir)).filter((f) => f.startsWith('torn-tail-'));
    expect(saved).toHaveLength(1);
    expect(await readFile(join(dir, saved[0]!), 'utf8')).toBe('{"v":1,"seq":3,"ts":"2026-');
  });

  it('quarantines a corrupt line in the middle with its file and line, keeping the rest', async () => {
    const log = await IncidentLog.open(dir);
    await log.append([declared, note('one'), note('two')]);
    await log.close();
    const file = join(dir, LOG_FILE);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[1] = '{"v":1,"seq":2,"ts":"garbage"';
    await writeFile(file, lines.join('\n'));

    const reopened = await IncidentLog.open(dir);
    expect(reopened.events.map((e) => e.seq)).toEqual([1, 3]);
    expect(reopened.problems).toEqual([expect.objectContaining({ kind: 'corrupt_line', file, line: 2 })]);
    expect(reopened.problems[0]!.message).toMatch(/quarantined/);
    const [next] = await reopened.append([note('three')]);
    expect(next!.seq).toBe(4);
    await reopened.close();
    // The corrupt line is still in the file: quarantined, never silently dropped.
    expect(await readFile(file, 'utf8')).toContain('"ts":"garbage"');
  });

  it('reports a schema violation and an out-of-order sequence as corrupt lines', async () => {
    const file = join(dir, LOG_FILE);
    const ok = (seq: number) => JSON.stringify({ v: 1, seq, ts: '2026-01-01T00:00:00.000Z', actor: 'a', type: 'note.added', payload: { text: 'x', kind: 'note' } });
    const decl = JSON.stringify({ v: 1, seq: 1, ts: '2026-01-01T00:00:00.000Z', actor: 'a', type: 'incident.declared', payload: { title: 'abc', severity: 'SEV1', commander: 'a', services: [] } });
    const wrongType = JSON.stringify({ v: 1, seq: 3, ts: '2026-01-01T00:00:00.000Z', actor: 'a', type: 'note.added', payload: { text: 42 } });
    await writeFile(file, [decl, ok(2), wrongType, ok(2), ok(4)].join('\n') + '\n');
    const log = await IncidentLog.open(dir);
    expect(log.events.map((e) => e.seq)).toEqual([1, 2, 4]);
    expect(log.problems.map((p) => [p.line, p.kind])).toEqual([
      [3, 'corrupt_line'],
      [4, 'corrupt_line'],
    ]);
    expect(log.problems[0]!.message).toMatch(/payload\.text/);
    expect(log.problems[1]!.message).toMatch(/sequence 2 does not follow 2/);
    await log.close();
  });
});

describe('log seal', () => {
  it('covers the validated prefix, survives a crash without a clean close, and is voided by any change inside it', async () => {
    const { sealedLength } = await import('./log-seal');
    const file = join(dir, LOG_FILE);
    const log = await IncidentLog.open(dir);
    await log.append([declared, note('one')]);
    await log.close();
    const closedSize = (await readFile(file)).length;
    expect(await sealedLength(file)).toBe(closedSize);

    // Appended by a process that then died (no clean close): the old seal still covers the prefix it validated.
    await appendFile(file, (await readFile(file, 'utf8')).split('\n')[1]!.replace('"seq":2', '"seq":3').replace('one', 'two') + '\n');
    expect(await sealedLength(file)).toBe(closedSize);
    const reopened = await IncidentLog.open(dir);
    // The chain breaks on the hand-made line, but its schema is valid: it is kept and the seal now covers it too.
    expect(reopened.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    await reopened.close();
    expect(await sealedLength(file)).toBe((await readFile(file)).length);

    // Same-length edit inside the sealed prefix: the hash no longer matches, so nothing is trusted.
    await writeFile(file, (await readFile(file, 'utf8')).replace('"text":"one"', '"text":"ONE"'));
    expect(await sealedLength(file)).toBe(0);
  });
});
