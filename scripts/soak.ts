// `npm run soak [-- --trials N]`: kill -9 trials through the browser host. Each trial starts the host on one data directory,
// keeps 8 note requests in flight, SIGKILLs the host at a random moment, and on the next start retries every request that got
// no answer with its original request id. At the end every acknowledged note must be in the log exactly once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rpc, startHostProcess as startHost, type HostProcess } from '../electron/core/host/testing/host-process';
import { seededRandom } from '../electron/core/store/testing/kill-child';
import { buildIfNeeded } from './build-if-needed.mjs';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const TRIALS = option('--trials', 1000);
const IN_FLIGHT = option('--in-flight', 8);
const MAX_KILL_DELAY_MS = option('--max-kill-delay-ms', 300);

interface NoteRequest {
  requestId: string;
  text: string;
}

async function allNotes(host: HostProcess, incidentId: string): Promise<string[]> {
  const texts: string[] = [];
  for (let afterSeq = 0; ; ) {
    const page = await rpc(host, 'timeline.events', { incidentId, afterSeq, limit: 20000 });
    const value = page.body.value as { events: { seq: number; type: string; payload: { text?: string } }[]; hasMore: boolean };
    for (const e of value.events) if (e.type === 'note.added') texts.push(e.payload.text!);
    if (!value.hasMore) return texts;
    afterSeq = value.events.at(-1)!.seq;
  }
}

/** The entry `npm run web` runs, built (only when the sources changed) before the first trial. */
const WEB_ENTRY = join(__dirname, '..', 'out', 'main', 'web.js');
const startHostProcess = (dataDir: string) => startHost(dataDir, { builtEntry: WEB_ENTRY });

async function main(): Promise<void> {
  buildIfNeeded();
  const dataDir = await mkdtemp(join(tmpdir(), 'firebreak-soak-'));
  const random = seededRandom(20261202);
  const acknowledged = new Set<string>();
  let unanswered: NoteRequest[] = [];
  let sent = 0;
  let retried = 0;
  let retriesAcknowledged = 0;
  let counter = 0;
  const started = Date.now();

  let host = await startHostProcess(dataDir);
  const declared = await rpc(host, 'incidents.declare', { title: 'Soak', severity: 'SEV3', commander: 'soak' }, 'soak-declare-000001');
  const incidentId = (declared.body.value as { id: string }).id;

  /** Resolves with the stored note's timestamp, or undefined when the kill cut the connection before an answer came. */
  const send = async (request: NoteRequest): Promise<number | undefined> => {
    try {
      const answer = await rpc(host, 'incidents.addNote', { incidentId, text: request.text }, request.requestId);
      if (!answer.body.ok) throw new Error(`${request.text}: ${answer.body.error?.message}`);
      acknowledged.add(request.text);
      return Date.parse((answer.body.value as { ts: string }).ts);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === undefined) throw e;
      return undefined;
    }
  };
  let committedBeforeKill = 0;
  const retryUnanswered = async (restartedAt: number) => {
    for (const request of unanswered) {
      retried++;
      const storedAt = await send(request);
      if (storedAt === undefined) throw new Error('The host did not answer a retry while it was running.');
      retriesAcknowledged++;
      // The answer is the original event: stored before this host started means the killed host had committed it.
      if (storedAt < restartedAt) committedBeforeKill++;
    }
    unanswered = [];
  };

  for (let trial = 0; trial < TRIALS; trial++) {
    const restartedAt = Date.now();
    if (trial > 0) host = await startHostProcess(dataDir);
    // Retry what the last host never answered, with the same ids: committed ones must come back without a second copy.
    await retryUnanswered(restartedAt);
    const inFlight = new Set<NoteRequest>();
    let killed = false;
    const lane = async () => {
      while (!killed) {
        const request = { requestId: `soak-${String(++counter).padStart(12, '0')}`, text: `soak note ${counter}` };
        inFlight.add(request);
        sent++;
        if ((await send(request)) !== undefined) inFlight.delete(request);
      }
    };
    const lanes = Array.from({ length: IN_FLIGHT }, lane);
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * MAX_KILL_DELAY_MS)));
    killed = true;
    await host.kill();
    await Promise.all(lanes);
    unanswered = [...inFlight];
    if ((trial + 1) % 25 === 0 || trial + 1 === TRIALS) {
      console.log(`trial ${trial + 1}/${TRIALS}: ${acknowledged.size} acknowledged, ${retried} retried (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  }

  const restartedAt = Date.now();
  host = await startHostProcess(dataDir);
  await retryUnanswered(restartedAt);
  const texts = await allNotes(host, incidentId);
  const problems = ((await rpc(host, 'incidents.get', { incidentId })).body.value as { problems: unknown[] }).problems;
  await host.kill();

  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  const found = [...acknowledged].filter((text) => counts.has(text)).length;
  const lost = acknowledged.size - found;
  const duplicated = [...counts.values()].filter((n) => n > 1).length;
  console.log(
    [
      `Soak: ${TRIALS} kill -9 trials through the browser host, ${IN_FLIGHT} requests in flight, one log (${Math.round((Date.now() - started) / 1000)} s)`,
      `sent:         ${sent} notes (${retried} unanswered requests retried after a restart with their request id)`,
      `acknowledged: ${acknowledged.size} (${retriesAcknowledged} of them on a retry; ${committedBeforeKill} of those had been committed by the killed host)`,
      `found:        ${found}`,
      `lost:         ${lost}`,
      `duplicated:   ${duplicated}`,
      `log problems: ${problems.length}`,
    ].join('\n'),
  );
  await rm(dataDir, { recursive: true, force: true });
  if (lost > 0 || duplicated > 0 || problems.length > 0) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(`Soak failed: ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
