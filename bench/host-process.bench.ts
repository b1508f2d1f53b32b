// The browser host as a process (`node out/main/web.js`, what `npm run web` starts; needs `npm run build`):
// - its memory when a 1M-event incident is opened through it (resident set after the first read, and the peak while opening);
// - how many events per second the API appends with 64 requests in flight (group commit: one write + fsync per batch).
import { appendFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { rpc, startHost, stopHost, type RunningHost } from '../e2e/fixtures';
import { LOG_FILE } from '../electron/core/store/incident-log';
import { GENESIS_HASH } from '../electron/core/store/hash-chain';
import type { BenchResult } from './run';
import { chainedLines } from './support/chained-log';

const MILLION = 1_000_000;
const INCIDENT = '2026-01-01-bench-million-aaaaaa';
const MB = (kB: number) => `${(kB / 1024).toFixed(0)} MB`;

/** Resident set now and its peak so far, in kB, from /proc (Linux). */
async function memoryOf(host: RunningHost): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${host.process.pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/** CPU time the process used so far (user + system), in ms, from /proc (Linux). */
async function cpuMsOf(host: RunningHost): Promise<number> {
  // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th.
  const stat = await readFile(`/proc/${host.process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Writes a `count`-event log in slices (a 1M-event log is ≈ 250 MB: never one string). */
async function writeLargeIncident(dataDir: string, count: number): Promise<number> {
  const dir = join(dataDir, 'incidents', INCIDENT);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // No demo incident: the data directory holds only the incident measured.
  await writeFile(join(dataDir, 'demo-seeded.json'), '{}');
  const file = join(dir, LOG_FILE);
  let head = GENESIS_HASH;
  for (let from = 1; from <= count; from += 50_000) {
    const slice = chainedLines(from, Math.min(50_000, count - from + 1), head, INCIDENT);
    head = slice.head;
    await appendFile(file, `${slice.lines.join('\n')}\n`, { mode: 0o600 });
  }
  return (await stat(file)).size;
}

async function firstRead(host: RunningHost): Promise<void> {
  await rpc(host, 'incidents.get', { incidentId: INCIDENT });
  await rpc(host, 'timeline.events', { incidentId: INCIDENT, afterSeq: 0, limit: 500 });
}

async function memoryAtMillion(): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'firebreak-bench-rss-'));
  try {
    const size = await writeLargeIncident(dataDir, MILLION);
    // The first start validates every event and seals the log; its clean stop writes the seal and the summary.
    const first = await startHost(dataDir, {}, { startLimitMs: 600_000 });
    await firstRead(first);
    await stopHost(first);
    const host = await startHost(dataDir);
    try {
      const started = await memoryOf(host);
      await firstRead(host);
      const opened = await memoryOf(host);
      // And once the background work after an open is done (the seal's running hash reads the log back after 5 s).
      await new Promise((r) => setTimeout(r, 10_000));
      const settled = await memoryOf(host);
      return {
        name: 'browser host memory with a 1M-event incident opened (resident set)',
        summary: `${MB(opened.rss)} after the first read, ${MB(settled.rss)} 10 s later, peak ${MB(settled.peak)} (host alone ${MB(started.rss)}; log ${(size / 1e6).toFixed(0)} MB) (goal < 400 MB)`,
      };
    } finally {
      await stopHost(host);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function appendThroughput(): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'firebreak-bench-append-'));
  await writeFile(join(dataDir, 'demo-seeded.json'), '{}');
  const host = await startHost(dataDir);
  try {
    const declared = await rpc<{ id: string }>(host, 'incidents.declare', { title: 'Append throughput', severity: 'SEV3', commander: 'bench', services: ['api'] });
    const total = 10_000;
    const inFlight = 64;
    let next = 0;
    const cpu0 = await cpuMsOf(host);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < total) {
          const n = next++;
          await rpc(host, 'incidents.addNote', { incidentId: declared.id, text: `Observation number ${n}: queue depth rising on shard ${n % 16}` });
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const hostCpuMs = (await cpuMsOf(host)) - cpu0;
    const page = await rpc<{ lastSeq: number }>(host, 'timeline.events', { incidentId: declared.id, afterSeq: 0, limit: 1 });
    if (page.lastSeq !== total + 1) throw new Error(`expected ${total + 1} events, the log holds ${page.lastSeq}`);
    return {
      name: `append ${total / 1000}k notes through the browser host API, ${inFlight} requests in flight`,
      summary:
        `${seconds.toFixed(1)} s → ${(total / seconds).toFixed(0)} events/s (each acknowledged after its batch's fsync; load average ${loadavg()[0]!.toFixed(1)}); ` +
        `the host used ${(hostCpuMs / 1000).toFixed(1)} s of CPU: ${((hostCpuMs * 1000) / total).toFixed(0)} µs per event, ≈ ${((total * 1000) / hostCpuMs).toFixed(0)} events per CPU-second`,
    };
  } finally {
    await stopHost(host);
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  // BENCH_ONLY=append or =memory runs one of the two (the memory row writes and opens a 250 MB log).
  const only = process.env.BENCH_ONLY;
  return [...(only !== 'memory' ? [await appendThroughput()] : []), ...(only !== 'append' ? [await memoryAtMillion()] : [])];
}
