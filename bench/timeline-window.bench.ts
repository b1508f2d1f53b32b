// The one-million-event incident through the browser host, as a commander meets it (issue #17 item 5): the host opens the
// log and builds its timeline index on the first page asked for; pages, search and appends are then served from the index;
// Chromium paints the windowed timeline, scrolls it, and holds only a window (its JS heap is measured over CDP, the host's
// RSS from /proc). Times depend on the machine: each is given next to a plain read + JSON.parse of the same log.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rpc, startHost, stopHost } from '../e2e/fixtures';
import { LOG_FILE } from '../electron/core/store/incident-log';
import { requireProgram } from '../scripts/system-programs.cjs';
import { median, writeIncident } from './support/chained-log';
import type { BenchResult } from './run';

const COUNT = 1_000_000;
const ID = 'bench-1m-events';
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const timed = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
  const t0 = performance.now();
  const value = await f();
  return [performance.now() - t0, value];
};

export async function run(): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'firebreak-bench-1m-'));
  await writeFile(join(dataDir, 'demo-seeded.json'), '{}');
  await writeIncident(dataDir, ID, COUNT);
  const logFile = join(dataDir, 'incidents', ID, LOG_FILE);
  const [readParseMs] = await timed(async () => (await readFile(logFile, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown).length);
  const host = await startHost(dataDir);
  const browser = await chromium.launch({ executablePath: requireProgram('chromium'), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info'] });
  try {
    const pid = host.process.pid!;
    const [openMs] = await timed(() => rpc(host, 'incidents.get', { incidentId: ID }));
    const [firstPageMs, first] = await timed(() => rpc<{ total: number; rowCount: number }>(host, 'timeline.page', { incidentId: ID, limit: 200 }));
    const rssAfterIndex = rssMb(pid);

    const pageTimes: number[] = [];
    for (let i = 0; i < 40; i++) {
      const position = Math.floor(((i * 7919) % 1000) / 1000 * first.total);
      pageTimes.push((await timed(() => rpc(host, 'timeline.page', { incidentId: ID, anchor: { by: 'position', position }, limit: 200 })))[0]);
    }
    const searches = ['shard 7', 'queue depth', 'observation number 99999', 'rising', 'p99', 'no-such-word', 'shard 1', 'number 5'];
    const searchTimes: number[] = [];
    let hits = 0;
    for (const text of searches) {
      const [ms, found] = await timed(() => rpc<{ count: number }>(host, 'timeline.search', { incidentId: ID, filter: { text }, limit: 200 }));
      searchTimes.push(ms);
      hits += found.count;
    }
    const appendTimes: number[] = [];
    const appendPageTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      appendTimes.push((await timed(() => rpc(host, 'incidents.addNote', { incidentId: ID, text: `Appended note ${i}` })))[0]);
      appendPageTimes.push((await timed(() => rpc(host, 'timeline.page', { incidentId: ID, limit: 200 })))[0]);
    }

    // Chromium: open the incident in a fresh page (three times), wait for its first timeline row; then scroll for two
    // seconds counting frames.
    const paints: number[] = [];
    let page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    for (let i = 0; i < 3; i++) {
      if (i > 0) {
        await page.context().close();
        page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      }
      await page.goto(host.url, { timeout: 120_000 });
      await page.locator('.app[data-ready="true"]').waitFor({ timeout: 120_000 });
      const t0 = await page.evaluate(() => performance.now());
      await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /bench-1m-events/ }).click();
      await page.locator('[data-pane="timeline"] [aria-posinset="1"]').waitFor({ timeout: 120_000 });
      paints.push((await page.evaluate(() => performance.now())) - t0);
    }
    const list = page.getByRole('list', { name: 'Timeline events' });
    await list.hover();
    // Passed as text: the bench runs through tsx, whose helpers (__name) do not exist in the page.
    await page.evaluate(`(() => {
      window.frames_ = 0;
      window.stop_ = false;
      const tick = () => { window.frames_++; if (!window.stop_) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    const s0 = Date.now();
    while (Date.now() - s0 < 2000) await page.mouse.wheel(0, 3000);
    const frames = await page.evaluate<number>('(() => { window.stop_ = true; return window.frames_; })()');
    const fps = frames / ((Date.now() - s0) / 1000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const rssEnd = rssMb(pid);
    const ratio = (ms: number) => `${(ms / readParseMs).toFixed(2)}× read+parse`;
    return [
      {
        name: '1M-event incident: open and first page (browser host)',
        summary: `a plain read + JSON.parse of the ${COUNT.toLocaleString('en')}-event log takes ${readParseMs.toFixed(0)} ms; opening it in the host ${openMs.toFixed(0)} ms (${ratio(openMs)}), then the first timeline page ${firstPageMs.toFixed(0)} ms (${ratio(firstPageMs)}: the timeline index of ${first.rowCount.toLocaleString('en')} rows is built then)`,
      },
      {
        name: '1M-event incident: pages, search, append (browser host, index built)',
        summary: `a page of 200 rows anywhere p95 ${p95(pageTimes).toFixed(0)} ms (median ${median(pageTimes).toFixed(0)}); search p95 ${p95(searchTimes).toFixed(0)} ms over ${searches.length} queries (${hits.toLocaleString('en')} hits; goal < 200 ms); append a note p95 ${p95(appendTimes).toFixed(0)} ms and the newest page after it p95 ${p95(appendPageTimes).toFixed(0)} ms`,
      },
      {
        name: '1M-event incident in Chromium (windowed timeline)',
        summary: `first paint of the timeline ${median(paints).toFixed(0)} ms after choosing the incident (median of 3; goal < 1 s); scrolling with the wheel ${fps.toFixed(0)} frames/s (goal 60); renderer JS heap ${(heap.usedSize / 1e6).toFixed(0)} MB (goal < 300 MB)`,
      },
      { name: '1M-event incident: host memory', summary: `host RSS ${rssAfterIndex.toFixed(0)} MB after the index is built, ${rssEnd.toFixed(0)} MB at the end (goal < 400 MB)` },
    ];
  } finally {
    await browser.close();
    await stopHost(host);
    await rm(dataDir, { recursive: true, force: true });
  }
}
