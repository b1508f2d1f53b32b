// Recovery reports (a torn tail set aside, a line quarantined) stay until the user has acknowledged them, even when the app
// dies again right after recovering and before anyone saw the report.
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { NewEvent } from '../../../shared/events';
import { IncidentLog, LOG_FILE } from './incident-log';
import { crashTestTimeout } from './testing/child-script';
import { runAndKill } from './testing/kill-child';

const declared: NewEvent = { type: 'incident.declared', actor: 'ana', payload: { title: 'Recovery', severity: 'SEV3', commander: 'ana', services: [] } };
const note = (text: string): NewEvent => ({ type: 'note.added', actor: 'ana', payload: { text } });
const OPEN_AND_HANG = join(__dirname, 'testing', 'open-and-hang.ts');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-recovery-'));
  const log = await IncidentLog.open(dir);
  await log.append([declared, note('kept')]);
  await log.close();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('keeps reporting a truncated torn tail after a second crash, until the user acknowledges it', { timeout: crashTestTimeout(1) }, async () => {
  const file = join(dir, LOG_FILE);
  await appendFile(file, '{"v":1,"seq":3,"ts":"2026-01-01T00:00:00.000Z","actor":"ana","type":"note.ad');
  await appendFile(file, '');
  // The first recovery truncates the tail; the app is killed before anyone looks at the cockpit.
  await runAndKill(OPEN_AND_HANG, [dir], 0);

  const log = await IncidentLog.open(dir);
  const torn = log.problems.filter((p) => p.kind === 'torn_tail');
  expect(torn).toHaveLength(1);
  expect(torn[0]!.message).toMatch(/The bytes are kept in torn-tail-\d+\.bin\.$/);
  expect((await readdir(dir)).filter((n) => n.startsWith('torn-tail-'))).toHaveLength(1);
  expect(log.events.map((e) => e.seq)).toEqual([1, 2]);

  await log.acknowledgeRecovery();
  expect(log.problems).toEqual([]);
  await log.close();
  const after = await IncidentLog.open(dir);
  expect(after.problems).toEqual([]);
  await after.close();
});

it('keeps reporting a quarantined line after a second crash', { timeout: crashTestTimeout(1) }, async () => {
  await appendFile(join(dir, LOG_FILE), 'not json at all\n');
  await runAndKill(OPEN_AND_HANG, [dir], 0);
  const log = await IncidentLog.open(dir);
  expect(log.problems.map((p) => [p.kind, p.line])).toEqual([['corrupt_line', 3]]);
  await log.close();
});
