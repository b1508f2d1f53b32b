// The renderer as a user gets it: the bundle's size in gzip (what the cockpit loads first, and everything), how long the
// app takes to become interactive in Chromium (navigation to the data-ready marker, through the browser host), and how
// many bytes the page receives per event appended to a 100k-event incident (delta sync instead of refetching the log).
import { chromium, type Browser } from '@playwright/test';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startHost, stopHost } from '../e2e/fixtures';
import { requireProgram } from '../scripts/system-programs.cjs';
import { bigIncident } from './playback.bench';
import type { BenchResult } from './run';

const rendererDir = resolve(__dirname, '..', 'out', 'renderer');
const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gzipped = async (file: string) => gzipSync(await readFile(join(rendererDir, file))).length;

/** The entry script, the chunks it preloads and the stylesheet (what first paint needs), against every chunk. */
async function bundleSizes(): Promise<BenchResult> {
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
  const initialFiles = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const all = (await readdir(join(rendererDir, 'assets'))).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`);
  const initial = (await Promise.all(initialFiles.map(gzipped))).reduce((a, b) => a + b, 0);
  const total = (await Promise.all(all.map(gzipped))).reduce((a, b) => a + b, 0);
  const raw = (await Promise.all(all.map(async (f) => (await stat(join(rendererDir, f))).size))).reduce((a, b) => a + b, 0);
  const lazy = all.filter((f) => !initialFiles.includes(f) && f.endsWith('.js')).length;
  return {
    name: 'renderer bundle (gzip)',
    summary: `initial ${kB(initial)} (${initialFiles.length} files: entry, preloaded chunks, stylesheet), total ${kB(total)} (${kB(raw)} minified, ${all.length} files; ${lazy} chunks load on demand: review, settings, diagnostics, playback)`,
  };
}

async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: requireProgram('chromium'), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** Fresh data directory with the demo incident (what a first start shows); five cold page loads. */
async function timeToInteractive(browser: Browser): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'firebreak-bench-tti-'));
  const host = await startHost(dataDir);
  try {
    const ready: number[] = [];
    const cockpit: number[] = [];
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.locator('.app[data-ready="true"]').waitFor({ timeout: 60_000 });
      const readyAt = await page.evaluate(() => performance.now());
      await page.locator('.timeline .timeline-entry').first().waitFor({ timeout: 60_000 });
      const cockpitAt = await page.evaluate(() => performance.now());
      // The first load warms the host (its first requests, the OS file cache); the median is over the five after it.
      if (i > 0) {
        ready.push(readyAt);
        cockpit.push(cockpitAt);
      }
      await context.close();
    }
    return {
      name: 'renderer interactive in Chromium (browser host, demo incident)',
      summary: `data-ready marker after ${median(ready).toFixed(0)} ms (median of 5 cold page loads; goal < 1.5 s), the incident's timeline rows drawn after ${median(cockpit).toFixed(0)} ms`,
    };
  } finally {
    await stopHost(host);
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Bytes the page receives while 20 notes are appended to a 100k-event incident from another client: with the whole log in the
 * renderer (the incident is at the window threshold), and again with the timeline served as a window (the threshold lowered),
 * the way every larger incident is shown.
 */
async function bytesPerAppend(browser: Browser, windowed: boolean): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'firebreak-bench-sync-'));
  const incidentId = 'bench-100k-events';
  await writeFile(join(dataDir, 'demo-seeded.json'), '{}');
  await mkdir(join(dataDir, 'incidents', incidentId), { recursive: true });
  const events = bigIncident(100_000);
  const logBytes = events.reduce((n, e) => n + JSON.stringify(e).length + 1, 0);
  await writeFile(join(dataDir, 'incidents', incidentId, 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const host = await startHost(dataDir, windowed ? { FIREBREAK_TIMELINE_WINDOW: '50000' } : {});
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    const meta = page.locator('[data-pane="timeline"] .pane-meta');
    await meta.filter({ hasText: '100,000 events' }).or(meta.filter({ hasText: '100000 events' })).first().waitFor({ timeout: 180_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const received = new Map<string, { chunks: number; finished?: number }>();
    const urls = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => urls.set(e.requestId, new URL(e.request.url).pathname));
    cdp.on('Network.dataReceived', (e: { requestId: string; encodedDataLength: number }) => {
      const r = received.get(e.requestId) ?? { chunks: 0 };
      r.chunks += e.encodedDataLength;
      received.set(e.requestId, r);
    });
    // Server-sent events: Chromium reports each message, not the stream's bytes.
    cdp.on('Network.eventSourceMessageReceived', (e: { requestId: string; eventName: string; data: string }) => {
      const r = received.get(e.requestId) ?? { chunks: 0 };
      r.chunks += Buffer.byteLength(`event: ${e.eventName}\ndata: ${e.data}\n\n`);
      received.set(e.requestId, r);
    });
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
      const r = received.get(e.requestId) ?? { chunks: 0 };
      r.finished = e.encodedDataLength;
      received.set(e.requestId, r);
    });
    const appends = 20;
    for (let i = 1; i <= appends; i++) {
      const res = await fetch(`${host.origin}/api/rpc/incidents.addNote`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
        body: JSON.stringify({ incidentId, text: `Appended note ${i} from another client` }),
      });
      if (!res.ok) throw new Error(`addNote failed: ${res.status}`);
      const total = (100_000 + i).toLocaleString('en');
      await meta.filter({ hasText: new RegExp(`(${total}|${100_000 + i}) events`) }).first().waitFor({ timeout: 60_000 });
    }
    // Let follow-up queries (narrow invalidations) finish: wait until nothing arrives for a second.
    let last = -1;
    for (;;) {
      const now = [...received.values()].reduce((n, r) => n + Math.max(r.chunks, r.finished ?? 0), 0);
      if (now === last) break;
      last = now;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await page.close();
    if (process.env.BENCH_DEBUG) {
      const byUrl = new Map<string, number>();
      for (const [id, r] of received) byUrl.set(urls.get(id) ?? id, (byUrl.get(urls.get(id) ?? id) ?? 0) + Math.max(r.chunks, r.finished ?? 0));
      console.error([...byUrl].sort((a, b) => b[1] - a[1]));
    }
    return {
      name: `bytes received per appended event, 100k-event incident (browser host, ${windowed ? 'timeline as a window' : 'whole log in the renderer'})`,
      summary: `${(last / appends / 1024).toFixed(1)} kB per event (goal < 10 kB) over ${appends} appends and ${received.size} requests/streams; the log itself is ${(logBytes / 1e6).toFixed(1)} MB`,
    };
  } finally {
    await stopHost(host);
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const results = [await bundleSizes()];
  const browser = await launch();
  try {
    results.push(await timeToInteractive(browser));
    results.push(await bytesPerAppend(browser, false));
    results.push(await bytesPerAppend(browser, true));
  } finally {
    await browser.close();
  }
  return results;
}
