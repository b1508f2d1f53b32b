// Crash safety of the log seal: a child that appends and closes (sealing) over and over is SIGKILLed at random moments, so the seal
// it leaves may be current, stale or torn. Reopening must always give exactly what a full validation of the bytes gives, and a
// stale seal put back beside a modified log must not make the modification trusted.
//
// Playback checkpoints are not tested here because they are never written to disk: shared/playback/checkpoints.ts keeps them in
// memory and rebuilds them from the event log on every open, so the log's own crash safety (crash-safety.test.ts) covers them.
import { appendFile, readFile, rm, truncate, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IncidentLog, LOG_FILE } from './incident-log';
import { sealedLength, sealFileOf } from './log-seal';
import { parseLog } from './parse-log';
import { crashTestTimeout } from './testing/child-script';
import { runAndKill, seededRandom } from './testing/kill-child';

const TRIALS = 12;
const WRITER = join(__dirname, 'testing', 'seal-writer.ts');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-seal-crash-'));
  const log = await IncidentLog.open(dir);
  await log.append([{ type: 'incident.declared', actor: 'seal-test', payload: { title: 'Seal crash test', severity: 'SEV3', commander: 'seal-test', services: [] } }]);
  await log.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Opens the log as the app does and checks it against a full validation of the same bytes (no seal trusted). */
async function openMatchesFullValidation(file: string): Promise<IncidentLog> {
  const full = parseLog(await readFile(file), file, 0);
  const log = await IncidentLog.open(dir);
  expect(log.events).toEqual(full.events);
  // A torn tail's report names the file the bytes were set aside in; it stays until acknowledged (recovery-report.test.ts).
  expect(log.problems.map((p) => ({ ...p, message: p.message.replace(/ The bytes are kept in torn-tail-\d+\.bin\.$/, '') }))).toEqual(full.problems);
  await log.acknowledgeRecovery();
  return log;
}

it(`never lets a torn or stale seal change what a reopened log contains, over ${TRIALS} SIGKILLs`, { timeout: crashTestTimeout(TRIALS) }, async () => {
  const file = join(dir, LOG_FILE);
  const random = seededRandom(17);
  const acked = new Set<number>([1]);
  let staleSeal: string | undefined;
  let trustedReopens = 0;

  for (let trial = 0; trial < TRIALS; trial++) {
    // The first open and append of a freshly started child take a few hundred ms on a loaded machine: kill within a window
    // wide enough that most trials get past them and land among the appends and seal writes.
    const { lines } = await runAndKill(WRITER, [dir], 5 + Math.floor(random() * 1000));
    for (const line of lines) if (line.startsWith('ack ')) for (const seq of line.slice(4).split(' ')) acked.add(Number(seq));

    if ((await sealedLength(file)) > 0) trustedReopens++;
    const log = await openMatchesFullValidation(file);
    expect(log.problems.filter((p) => p.kind !== 'torn_tail')).toEqual([]);
    const seqs = log.events.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    for (const seq of acked) expect(seqs).toContain(seq);
    await log.close();

    // The clean close above sealed the log. Modify it the way the cheap check would miss (a known type and a well-formed envelope,
    // but a payload the schema rejects), put back a seal from an earlier state, and reopen: the line must be quarantined.
    const sealNow = await readFile(sealFileOf(file), 'utf8');
    const cleanSize = (await readFile(file)).length;
    const forged = { v: 1, seq: seqs.length + 1, ts: 'yesterday', actor: 'intruder', type: 'note.added', payload: { text: 42 } };
    await appendFile(file, `${JSON.stringify(forged)}\n`);
    for (const seal of [staleSeal, sealNow.slice(0, Math.floor(sealNow.length / 2))]) {
      if (seal === undefined) continue;
      await writeFile(sealFileOf(file), seal);
      const modified = await openMatchesFullValidation(file);
      expect(modified.problems.map((p) => p.kind)).toEqual(['corrupt_line']);
      await modified.close();
    }
    staleSeal = sealNow;
    await truncate(file, cleanSize);
    await (await IncidentLog.open(dir)).close();
  }
  // The child died with a valid seal in place at least once, so the trusted path itself was exercised after a kill.
  expect(trustedReopens).toBeGreaterThan(0);
  expect(acked.size).toBeGreaterThan(TRIALS);
});
