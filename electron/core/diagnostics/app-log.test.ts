// The application log: JSON lines, rotation at the size limit keeping three old files, and no secret ever on disk.
import fc from 'fast-check';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppLog, type LogRecord } from './app-log';

let dir: string;
const fixedClock = () => new Date('2026-11-25T10:00:00.000Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fb-applog-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function allLogText(dataDir = dir): Promise<string> {
  const logs = join(dataDir, 'logs');
  const files = await readdir(logs).catch(() => [] as string[]);
  return (await Promise.all(files.map((f) => readFile(join(logs, f), 'utf8')))).join('\n');
}

describe('AppLog', () => {
  it('writes one JSON record per line with time, level, area, message and fields', async () => {
    const log = new AppLog({ dataDir: dir, now: fixedClock });
    log.info('core', 'Firebreak core ready', { incidents: 2 });
    log.error('ipc', 'jira.search failed', { error: new Error('socket hang up') });
    await log.flush();
    const lines = (await readFile(log.file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as LogRecord);
    expect(lines[0]).toEqual({ time: '2026-11-25T10:00:00.000Z', level: 'info', area: 'core', message: 'Firebreak core ready', fields: { incidents: 2 } });
    expect(lines[1]).toMatchObject({ level: 'error', area: 'ipc', fields: { error: { name: 'Error', message: 'socket hang up' } } });
    expect(log.file).toBe(join(dir, 'logs', 'firebreak.log'));
  });

  it('rotates at the size limit and keeps exactly three older files', async () => {
    const log = new AppLog({ dataDir: dir, now: fixedClock, maxBytes: 3000 });
    for (let i = 0; i < 200; i += 1) log.info('rotation', `line ${i} ${'x'.repeat(60)}`);
    await log.flush();
    const files = (await readdir(join(dir, 'logs'))).sort();
    expect(files).toEqual(['firebreak.log', 'firebreak.log.1', 'firebreak.log.2', 'firebreak.log.3']);
    for (const f of files) expect((await readFile(join(dir, 'logs', f))).length).toBeLessThanOrEqual(3000);
    const tail = await log.tail(30);
    expect(tail).toHaveLength(30);
    expect(JSON.parse(tail.at(-1)!).message).toContain('line 199 ');
    // The tail spans the current and the previous file, oldest first, without gaps.
    const numbers = tail.map((l) => Number(/line (\d+)/.exec(JSON.parse(l).message as string)![1]));
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => 170 + i));
  });

  it('continues an existing log after a restart and rotates it when it is already full', async () => {
    await writeFile(join(dir, 'placeholder'), '');
    const first = new AppLog({ dataDir: dir, maxBytes: 300 });
    first.info('core', 'a'.repeat(200));
    await first.flush();
    const second = new AppLog({ dataDir: dir, maxBytes: 300 });
    second.info('core', 'b'.repeat(200));
    await second.flush();
    expect(await readFile(join(dir, 'logs', 'firebreak.log.1'), 'utf8')).toContain('a'.repeat(200));
    expect(await readFile(second.file, 'utf8')).toContain('b'.repeat(200));
  });

  it('counts lines it cannot write instead of throwing', async () => {
    await writeFile(join(dir, 'logs'), 'a file where the log folder should be');
    const log = new AppLog({ dataDir: dir });
    log.error('core', 'disk trouble');
    await log.flush();
    expect(log.writeFailures).toBe(1);
  });

  it('hands redacted lines to the echo sink', async () => {
    const echoed: string[] = [];
    const log = new AppLog({ dataDir: dir, echo: (l) => echoed.push(l) });
    log.redactor.remember('echo-secret-99');
    log.warn('core', 'token echo-secret-99 rejected');
    await log.flush();
    expect(echoed).toHaveLength(1);
    expect(echoed[0]).not.toContain('echo-secret-99');
  });

  it('property: a vault secret inserted anywhere in the message or fields never reaches the file', async () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_+/='.split('');
    const secret = fc.string({ unit: fc.constantFrom(...alphabet), minLength: 4, maxLength: 64 });
    const placement = fc.constantFrom('message', 'area', 'field', 'nested', 'key', 'error', 'array');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(secret, fc.string(), fc.string(), placement, async (value, before, after, where) => {
        // A fresh data directory per run: earlier runs' lines were written for other secrets.
        const dataDir = join(dir, `run-${(run += 1)}`);
        const log = new AppLog({ dataDir, maxBytes: 2000 });
        log.redactor.remember(value);
        const text = `${before}${value}${after}`;
        const fields: Record<string, unknown> = { plain: before };
        if (where === 'field') fields.detail = text;
        if (where === 'nested') fields.request = { headers: { 'x-note': text }, attempts: [1, { url: `https://h/${text}` }] };
        if (where === 'key') fields[text] = after;
        if (where === 'error') fields.error = new Error(text, { cause: { body: text } });
        if (where === 'array') fields.list = [after, text];
        log.write('error', where === 'area' ? text : 'connectors', where === 'message' ? text : `failed ${after}`, fields);
        await log.flush();
        const written = await allLogText(dataDir);
        expect(written).not.toContain(value);
        // JSON escaping must not smuggle it out either.
        expect(written).not.toContain(JSON.stringify(value).slice(1, -1));
      }),
      { numRuns: 150 },
    );
  });
});
