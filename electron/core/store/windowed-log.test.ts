// A log larger than its hot tail keeps only the newest events parsed; older ones come back from the file by offset, exactly as
// a log holding every event in memory would give them (text outside ASCII, a quarantined line, the unsealed tail included).
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentEvent, NewEvent } from '../../../shared/events';
import { IncidentLog, LOG_FILE } from './incident-log';

const declared: NewEvent = { type: 'incident.declared', actor: 'ana', payload: { title: 'DB saturation', severity: 'SEV2', commander: 'ana', services: ['db'] } };
const note = (text: string): NewEvent => ({ type: 'note.added', actor: 'ana', payload: { text } });
const texts = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? `Zoë’s café #${i}: 東京 replica lag 🔥` : `plain note ${i}`));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-windowed-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const all = (log: IncidentLog): IncidentEvent[] => [...log.read()];

describe('a log larger than its hot tail', () => {
  it('gives every event back from the file, by seq, in chunks and as a whole, equal to a log holding them all', async () => {
    const writer = await IncidentLog.open(dir, { hotEvents: 4 });
    await writer.append([declared]);
    for (const text of texts) await writer.append([note(text)]);
    // Appended by this process beyond the hot tail: the events it wrote are read back from the file too.
    expect(writer.eventAt(2)?.payload).toEqual({ text: texts[0], kind: 'note' });
    expect(writer.events).toHaveLength(41);
    await writer.close();
    // An unsealed line (as after a crash) and a corrupt one that is quarantined.
    const lastLine = JSON.parse((await readFile(join(dir, LOG_FILE), 'utf8')).trim().split('\n').at(-1)!) as object;
    await appendFile(join(dir, LOG_FILE), `{not json\n${JSON.stringify({ ...lastLine, seq: 42, payload: { text: 'Ünïcödé tail' } })}\n`);

    const everything = await IncidentLog.open(dir);
    const windowed = await IncidentLog.open(dir, { hotEvents: 3 });
    try {
      const expected = everything.events;
      expect(expected).toHaveLength(42);
      expect(windowed.problems.map((p) => p.kind)).toEqual(['corrupt_line']);
      expect(windowed.eventCount).toBe(42);
      expect(windowed.lastSeq).toBe(42);
      expect(all(windowed)).toEqual(expected);
      expect(windowed.events).toEqual(expected);
      for (const e of expected) expect(windowed.eventAt(e.seq)).toEqual(e);
      expect(windowed.eventAt(43)).toBeUndefined();
      expect([...windowed.read(10, 12)].map((e) => e.seq)).toEqual([10, 11, 12]);
      expect(windowed.firstEvent?.type).toBe('incident.declared');
      expect(windowed.indexOfSeq(20)).toBe(19);
    } finally {
      await everything.close();
      await windowed.close();
    }
  });

  it('appends after the file-backed events, verifies the whole chain and reopens to the same events', async () => {
    const log = await IncidentLog.open(dir, { hotEvents: 2 });
    await log.append([declared, ...texts.slice(0, 20).map(note)]);
    await log.close();
    const reopened = await IncidentLog.open(dir, { hotEvents: 2 });
    await reopened.append([note('after reopen'), note('and one more')]);
    const check = await reopened.verifyChain(3);
    expect(check.verdict.ok).toBe(true);
    expect(reopened.eventAt(22)?.payload).toEqual({ text: 'after reopen', kind: 'note' });
    const before = all(reopened);
    await reopened.close();
    const again = await IncidentLog.open(dir, { hotEvents: 5 });
    try {
      expect(all(again)).toEqual(before);
      expect(before.map((e) => e.seq)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    } finally {
      await again.close();
    }
  });

  it('finds a broken chain in an event that is only on disk', async () => {
    const log = await IncidentLog.open(dir);
    await log.append([declared, ...texts.slice(0, 10).map(note)]);
    await log.close();
    // Change an old event's text behind Firebreak's back (the seal no longer matches: the log is validated in full).
    const file = join(dir, LOG_FILE);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    const edited = JSON.parse(lines[3]!) as { payload: { text: string } };
    edited.payload.text = 'rewritten';
    lines[3] = JSON.stringify(edited);
    await writeFile(file, `${lines.join('\n')}\n`);
    const windowed = await IncidentLog.open(dir, { hotEvents: 2 });
    try {
      const check = await windowed.verifyChain();
      expect(check.verdict).toMatchObject({ ok: false, seq: 4 });
    } finally {
      await windowed.close();
    }
  });
});
