// Memory under a burst of large uploads, measured in a separate host process: the peak stays within what the large-body cap
// allows, and after the burst (and a GC) the resident set is back near where it started. Bounds follow from the bytes sent.
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_LARGE_BODIES } from './request-body';
import { startHostProcess, type HostProcess } from './testing/host-process';

const MiB = 1024 * 1024;
const PARALLEL = 24;
const BODY_BYTES = 24 * MiB;

let dataDir: string;
let host: HostProcess;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-host-memory-'));
  host = await startHostProcess(dataDir, { nodeArgs: ['--expose-gc'] });
});
afterAll(async () => {
  await host.kill();
  await rm(dataDir, { recursive: true, force: true });
});

async function memory(): Promise<{ rss: number; heap: number; peak: number; heapTotal: number; external: number }> {
  const answer = host.nextLine('mem ');
  host.child.stdin!.write('mem\n');
  const [, rss, heap, peak, heapTotal, external] = (await answer).split(' ').map(Number);
  return { rss: rss!, heap: heap!, peak: peak!, heapTotal: heapTotal!, external: external! };
}

/** One review-bundle import of `bytes` bytes, streamed in 1 MiB pieces (the content is not a bundle, so nothing is stored). */
function upload(bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${host.origin}/api/rpc/review.importBundle`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': bytes, authorization: `Bearer ${host.token}` },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    // A host that answers early (503) may close the connection while the rest is still being sent.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve(0) : reject(e)));
    const prefix = '{"content":"';
    const suffix = '"}';
    const piece = Buffer.alloc(MiB, 'a');
    let left = bytes - prefix.length - suffix.length;
    req.write(prefix);
    const pump = () => {
      while (left > 0) {
        const size = Math.min(left, MiB);
        left -= size;
        if (!req.write(size === MiB ? piece : piece.subarray(0, size))) return void req.once('drain', pump);
      }
      req.end(suffix);
    };
    pump();
  });
}

it('keeps a burst of large uploads within the large-body cap and returns near its baseline afterwards', { timeout: 300_000 }, async () => {
  // Warm up the paths a burst uses, so the baseline already includes the code and buffers they keep for good.
  await upload(2 * MiB);
  const baseline = await memory();
  const statuses = await Promise.all(Array.from({ length: PARALLEL }, () => upload(BODY_BYTES)));
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(MAX_LARGE_BODIES);
  const after = await memory();
  // A body being received costs its bytes as text plus the parsed copy, a few times its size at most; the cap lets only
  // MAX_LARGE_BODIES be held at once. Without the cap, PARALLEL bodies would be held at once.
  const allowedPeak = MAX_LARGE_BODIES * BODY_BYTES * 6 + 64 * MiB;
  expect(after.peak - baseline.rss).toBeLessThan(allowedPeak);
  // After the burst nothing of the bodies is kept on the heap, and V8 hands the freed pages back to the system shortly
  // after (its sweeper runs concurrently), so the resident set is polled until it is back within one body of the baseline.
  expect(after.heap - baseline.heap).toBeLessThan(BODY_BYTES / 4);
  await expect.poll(async () => (await memory()).rss - baseline.rss, { timeout: 60_000, interval: 250 }).toBeLessThan(BODY_BYTES);
});
