// A timeline above the window threshold (FIREBREAK_TIMELINE_WINDOW=50 here, 100,000 by default) in Chromium at 1366×768:
// the renderer never loads the log, holds pages served by timeline.page, reaches the real oldest event by End and by
// scrolling to the end, searches through the core, and shows a live append at the top. Screenshots in both themes.
import type { Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeIncident } from '../bench/support/chained-log';
import { expect, openCockpit, rpc, startHost, stopHost, test, type RunningHost } from './fixtures';

const NOTES = 400;
const viewport = { width: 1366, height: 768 };

async function buildIncident(host: RunningHost): Promise<string> {
  const incident = await rpc<{ id: string }>(host, 'incidents.declare', { title: 'Search cluster brownout', severity: 'SEV2', commander: 'ana.ruiz', services: ['checkout'] });
  // Ten at a time: the order of these notes does not matter to the checks below.
  for (let i = 1; i <= NOTES; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, (_, k) => i + k).map((n) => rpc(host, 'incidents.addNote', { incidentId: incident.id, text: n % 100 === 0 ? `Failover step ${n}` : `Checked shard ${n}`, kind: 'note' })),
    );
  }
  return incident.id;
}

async function openIncident(page: Page, host: RunningHost) {
  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Search cluster brownout/ }).click();
}

test.describe('a windowed timeline', () => {
  test.use({ viewport });
  test.setTimeout(240_000);

  let windowHost: RunningHost;
  test.beforeEach(async ({ dataDir }) => {
    windowHost = await startHost(dataDir, { FIREBREAK_TIMELINE_WINDOW: '50' });
  });
  test.afterEach(async () => stopHost(windowHost));

  for (const scheme of ['dark', 'light'] as const) {
    test(`scrolls to the real end, searches through the core and shows a live append at the top (${scheme})`, async ({ page }, testInfo) => {
      const host = windowHost;
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const incidentId = await buildIncident(host);
      // The whole log is never read: timeline.events is asked only for a live append's delta (after the window's last seq).
      const logReads: number[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/api/rpc/timeline.events')) logReads.push((JSON.parse(r.postData() ?? '{}') as { afterSeq?: number }).afterSeq ?? 0);
      });
      await openIncident(page, host);
      const pane = page.getByRole('region', { name: 'Timeline' });
      const shown = pane.getByRole('status', { name: 'Events shown' });
      const list = page.getByRole('list', { name: 'Timeline events' });
      await expect(shown).toHaveText(`${NOTES + 1} events`);
      await expect(list.locator('[aria-posinset="1"]')).toHaveAttribute('aria-setsize', String(NOTES + 1));
      await page.screenshot({ path: testInfo.outputPath(`timeline-window-${scheme}.png`) });

      // End from the newest row: the oldest event (the declaration), fetched from the far end of the log.
      await list.locator('[aria-posinset="1"]').focus();
      await page.keyboard.press('End');
      await expect(list.getByRole('listitem', { name: /Incident declared/ })).toBeFocused();
      await expect(list.getByRole('listitem', { name: /Incident declared/ })).toHaveAttribute('aria-posinset', String(NOTES + 1));
      await page.keyboard.press('Home');
      await expect(list.locator('[aria-posinset="1"]')).toBeFocused();

      // Scrolling to the end with the mouse wheel reaches the declaration too.
      await list.hover();
      await expect(async () => {
        await page.mouse.wheel(0, 20_000);
        await expect(list.getByRole('listitem', { name: /Incident declared/ })).toBeVisible({ timeout: 1000 });
      }).toPass();
      await page.mouse.wheel(0, -1_000_000);
      await expect(list.locator('[aria-posinset="1"]')).toBeVisible();

      // Search: the core counts the hits and serves them.
      await pane.getByRole('searchbox', { name: 'Search timeline' }).fill('failover');
      await expect(shown).toHaveText(`4 of ${NOTES + 1} events`);
      await expect(list.getByRole('listitem', { name: /Failover step 400/ })).toBeVisible();
      await expect(list.getByRole('listitem', { name: /Checked shard/ })).toHaveCount(0);
      await page.screenshot({ path: testInfo.outputPath(`timeline-window-search-${scheme}.png`) });
      await pane.getByRole('searchbox', { name: 'Search timeline' }).fill('');
      await expect(shown).toHaveText(`${NOTES + 1} events`);

      // A live append shows at the top while the commander is at the top.
      await rpc(host, 'incidents.addNote', { incidentId, text: 'Rolled back the index settings', kind: 'note' });
      await expect(shown).toHaveText(`${NOTES + 2} events`);
      await expect(list.locator('[aria-posinset="1"]')).toHaveAccessibleName(/Rolled back the index settings/);
      expect(logReads.length).toBeGreaterThan(0);
      expect(logReads.every((afterSeq) => afterSeq >= NOTES + 1)).toBe(true);
    });
  }

  test('review playback loads the log on demand, says so meanwhile and starts at the first event', async ({ page }, testInfo) => {
    const host = windowHost;
    const incidentId = await buildIncident(host);
    await openIncident(page, host);
    const list = page.getByRole('list', { name: 'Timeline events' });
    await expect(list.locator('[aria-posinset="1"]')).toBeVisible();
    // The header's key times come from the core: the renderer does not hold this incident's log.
    const detected = page.getByTestId('incident-header').locator('[data-key="detected"] time');
    await expect(detected).not.toHaveText('—');
    const detectedLive = await detected.textContent();
    // Hold the log's first page until the bar has been seen saying what playback waits for.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/rpc/timeline.events', async (route) => {
      await held;
      await route.continue();
    });
    await page.locator('.review-menu summary').click();
    await page.getByRole('button', { name: '▶ Review playback' }).click();
    const bar = page.getByRole('group', { name: 'Playback' });
    await expect(bar.getByRole('status')).toHaveText(`Loading the incident's ${NOTES + 1} events for playback: 0 so far…`);
    await expect(bar.getByRole('progressbar', { name: 'Playback preparation' })).toBeVisible();
    // Meanwhile the live cockpit stays on screen (it was a blank page at 1 Jan 1970 before).
    await expect(list.locator('[aria-posinset="1"]')).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.screenshot({ path: testInfo.outputPath(`playback-loading-${scheme}.png`) });
    }
    release();
    await expect(page.locator('.cockpit')).toHaveAttribute('data-playback', 'true');
    await expect(page.getByTestId('playback-time')).toHaveText(/· event 1\/401$/);
    await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('status', { name: 'Events shown' })).toHaveText('1 event');
    await expect(page.getByRole('list', { name: 'Timeline events' }).getByRole('listitem')).toHaveAccessibleName(/Incident declared/);
    await page.keyboard.press('End');
    await expect(page.getByTestId('playback-time')).toHaveText(/· event 401\/401$/);
    await expect(page.getByRole('list', { name: 'Timeline events' }).getByRole('listitem', { name: /Failover step 400/ })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('playback-end-dark.png') });
    // Back to live: the log loaded for playback is let go (the timeline pages again), the key times stay.
    await page.getByRole('button', { name: 'Back to live' }).click();
    await expect(page.locator('.cockpit')).toHaveAttribute('data-playback', 'false');
    await expect(detected).toHaveText(detectedLive!);
    await expect(page.locator('.timeline.fixed-rows')).toHaveCount(1);
    // A status change moves a key time at once, live.
    const acknowledged = page.getByTestId('incident-header').locator('[data-key="acknowledged"] time');
    await expect(acknowledged).toHaveText('—');
    await rpc(host, 'incidents.changeStatus', { incidentId, to: 'identified' });
    await expect(acknowledged).not.toHaveText('—');
  });

  test('rows sit in slots of one height, so a long note or a page arriving never moves the rows on screen', async ({ page }) => {
    const host = windowHost;
    const incident = await rpc<{ id: string }>(host, 'incidents.declare', { title: 'Search cluster brownout', severity: 'SEV2', commander: 'ana.ruiz', services: ['checkout'] });
    const long = `Long note: ${'the replica set kept failing over between the two zones while the queue drained '.repeat(4)}`;
    for (let n = 1; n <= 300; n += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, k) => n + k).map((i) => rpc(host, 'incidents.addNote', { incidentId: incident.id, text: i % 25 === 0 ? `${long}${i}` : `Checked shard ${i}`, kind: 'note' })));
    }
    await openIncident(page, host);
    const list = page.getByRole('list', { name: 'Timeline events' });
    await expect(list.locator('[aria-posinset="1"]')).toBeVisible();
    // Every rendered row, long or not, is as tall as the others and sits at its index times that height.
    const layout = () =>
      list.getByRole('listitem').evaluateAll((items) =>
        items.map((item) => {
          const box = item.getBoundingClientRect();
          return { index: Number(item.getAttribute('data-index')), top: Math.round(box.top - item.parentElement!.getBoundingClientRect().top), height: Math.round(box.height) };
        }),
      );
    const inSlots = async () => {
      const rows = await layout();
      const slot = rows[0]!.height;
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) expect(row, `row ${row.index}`).toEqual({ index: row.index, top: row.index * slot, height: slot });
    };
    await inSlots();
    // Scroll into rows the first page did not hold: the row at the top of the view stays where it was when its page arrives.
    await list.evaluate((el) => (el.scrollTop = 200 * 34));
    const topIndex = () => list.evaluate((el) => Math.floor(el.scrollTop / el.querySelector('[role="listitem"]')!.getBoundingClientRect().height));
    const before = await topIndex();
    await expect(list.getByRole('listitem', { name: /Checked shard 99,/ })).toBeVisible();
    expect(await topIndex()).toBe(before);
    expect(await list.evaluate((el) => el.scrollTop)).toBe(200 * 34);
    await inSlots();
  });
});

// A large incident met cold: the host lists it from its summary without opening the log, answers the first timeline page
// from the log's end while it opens the log and builds the index, and the pane says so until the index answers.
test.describe('a windowed timeline met cold', () => {
  test.use({ viewport });
  test.setTimeout(240_000);
  const ID = 'cold-incident-3000';
  // 3,000 events, every third a metric sample (hidden unless asked for): 2,000 rows shown, the newest "Observation number 2999".

  for (const scheme of ['dark', 'light'] as const) {
    test(`shows the newest rows before the timeline index is built (${scheme})`, async ({ page, dataDir }, testInfo) => {
      await writeFile(join(dataDir, 'demo-seeded.json'), '{}');
      await writeIncident(dataDir, ID, 3000);
      // A first run opens the log and writes its summary at close: the next start lists it without opening it.
      await stopHost(await startHost(dataDir, { FIREBREAK_TIMELINE_WINDOW: '50' }));
      const host = await startHost(dataDir, { FIREBREAK_TIMELINE_WINDOW: '50' });
      try {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        // Pages answered from the index are held back until the provisional state has been checked (the index of 3,000
        // events builds in moments); the first page must come from the log's end, before any index exists.
        const answers: { provisional: boolean; firstSeq?: number }[] = [];
        let release: () => void = () => undefined;
        const released = new Promise<void>((r) => (release = r));
        await page.route('**/api/rpc/timeline.page', async (route) => {
          const response = await route.fetch();
          const body = (await response.json()) as { ok: boolean; value?: { provisional?: boolean; rows: { seq: number }[] } };
          answers.push({ provisional: body.value?.provisional === true, ...(body.value?.rows[0] ? { firstSeq: body.value.rows[0].seq } : {}) });
          if (!body.value?.provisional) await released;
          await route.fulfill({ response, json: body });
        });
        await openCockpit(page, host.url);
        await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: new RegExp(ID) }).click();
        const pane = page.getByRole('region', { name: 'Timeline' });
        const list = page.getByRole('list', { name: 'Timeline events' });
        const shown = pane.getByRole('status', { name: 'Events shown' });
        await expect(list.locator('[aria-posinset="1"]')).toHaveAccessibleName(/Observation number 2999/);
        await expect(shown).toHaveText(/^About [0-9,]+ events$/);
        await expect(pane.getByRole('status', { name: 'Timeline index' })).toHaveText(/Indexing the timeline… the newest events are shown/);
        expect(answers[0]).toEqual({ provisional: true, firstSeq: 2999 });
        await page.screenshot({ path: testInfo.outputPath(`timeline-cold-${scheme}.png`) });

        // A search asked now waits for the index: no rows are shown as its answer meanwhile.
        await pane.getByRole('searchbox', { name: 'Search timeline' }).fill('number 2998');
        await expect(shown).toHaveText('Indexing…');
        await expect(pane.getByRole('status', { name: 'Timeline index' })).toHaveText(/search and filters answer as soon as it is ready/);
        await expect(list.getByRole('listitem')).toHaveCount(0);
        await page.screenshot({ path: testInfo.outputPath(`timeline-cold-search-${scheme}.png`) });

        release();
        await expect(shown).toHaveText('1 of 3,000 events');
        await expect(list.getByRole('listitem', { name: /Observation number 2998/ })).toBeVisible();
        await expect(pane.getByRole('status', { name: 'Timeline index' })).toHaveCount(0);
        await pane.getByRole('searchbox', { name: 'Search timeline' }).fill('');
        await expect(shown).toHaveText('2,000 of 3,000 events');
        await expect(list.locator('[aria-posinset="1"]')).toHaveAttribute('aria-setsize', '2000');
      } finally {
        await stopHost(host);
      }
    });
  }
});
