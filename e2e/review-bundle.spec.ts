// Export the demo incident as a review bundle, open it offline in a plain browser, import it into a fresh data directory.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateReviewDraft } from '../shared/review/review-draft';
import { demoEvents, demoTimelineRows } from './demo-incident';
import { expect, openCockpit, startHost, stopHost, test, waitForCockpit } from './fixtures';

test('export a review bundle, view it from file:// and import it elsewhere with the same result', async ({ page, host, browser }) => {
  // Three cockpits (live, offline viewer, second host) and two full imports: more work than one default test budget.
  test.setTimeout(180_000);
  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout latency and 5xx/ }).click();
  const downloading = page.waitForEvent('download');
  // The review tools live in the header's Review menu.
  await page.getByTestId('incident-header').getByText('Review', { exact: true }).click();
  await page.getByRole('group', { name: 'Review tools' }).getByRole('button', { name: 'Export review bundle' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('demo-checkout-latency-outage.firebreak-review.html');
  const bundlePath = join(host.dataDir, 'exported.html');
  await download.saveAs(bundlePath);

  // 1. A plain browser, offline, straight from the file: a read-only cockpit of the same incident, read-only by design —
  //    nothing asks the bundle for what it cannot serve, so there is no error card and no console error.
  const offline = await browser.newContext({ offline: true });
  const viewer = await offline.newPage();
  const consoleErrors: string[] = [];
  viewer.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  viewer.on('pageerror', (e) => consoleErrors.push(e.message));
  await viewer.goto(pathToFileURL(bundlePath).href);
  await waitForCockpit(viewer);
  const header = viewer.getByTestId('incident-header');
  await expect(header.getByRole('heading', { level: 1 })).toHaveText(/Checkout latency and 5xx/);
  await expect(header.getByLabel('Status')).toHaveValue('resolved');
  await expect(header.getByLabel('Status')).toBeDisabled();
  await expect(viewer.getByRole('region', { name: 'Timeline' }).getByRole('status', { name: 'Events shown' })).toHaveText(`${demoTimelineRows} events`);
  await expect(viewer.getByRole('note', { name: 'Read-only' })).toContainText('read-only review bundle');
  await expect(viewer.getByRole('region', { name: 'Jira & PagerDuty' })).toBeVisible();
  await expect(viewer.getByRole('alert')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Back to live' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /Declare incident|Add note|Import (review )?bundle|Settings/ })).toHaveCount(0);

  // The palette offers only what a recording can do: review and reading, never a change.
  await viewer.keyboard.press('Control+k');
  const palette = viewer.getByRole('dialog', { name: 'Command palette' });
  const offered = await palette.getByRole('option').allTextContents();
  expect(offered.length).toBeGreaterThan(0);
  expect(offered.join('\n')).not.toMatch(/Declare|Add note|Change status|Change severity|Import|Settings|diagnostics/i);
  expect(offered.join('\n')).toMatch(/Post-incident review/);
  await viewer.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);

  const scrubber = viewer.getByRole('slider', { name: 'Playback position' });
  const min = Number(await scrubber.getAttribute('min'));
  const max = Number(await scrubber.getAttribute('max'));
  await scrubber.fill(String(Math.round((min + max) / 2)));
  await expect(header.getByLabel('Status')).toHaveValue('mitigating');
  expect(consoleErrors).toEqual([]);
  await offline.close();

  // 2. Import into a fresh data directory (its own demo removed first, so the id is free).
  const freshDir = mkdtempSync(join(tmpdir(), 'firebreak-import-'));
  writeFileSync(join(freshDir, 'demo-seeded.json'), '{}');
  const second = await startHost(freshDir);
  try {
    await openCockpit(page, second.url);
    await page.getByRole('button', { name: 'Import bundle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import review bundle' });
    await dialog.locator('input[type="file"]').setInputFiles(bundlePath);
    // Signed by the other installation, whose key this one has not been told to trust: named, with a warning.
    await expect(dialog.getByRole('status')).toContainText(/Signed by e2e\.commander, key ([0-9a-f]{4} ){7}[0-9a-f]{4} — a key you have not marked as trusted/);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByTestId('incident-header').getByRole('heading', { level: 1 })).toHaveText(/Checkout latency and 5xx/);
    await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('status', { name: 'Events shown' })).toHaveText(`${demoTimelineRows} events`);
    // Playback lives in the header's Review menu while the incident is live.
    await page.getByTestId('incident-header').getByText('Review', { exact: true }).click();
    await page.getByRole('button', { name: '▶ Review playback' }).click();
    const s2 = page.getByRole('slider', { name: 'Playback position' });
    await s2.fill(String(Math.round((min + max) / 2)));
    await expect(page.getByTestId('incident-header').getByLabel('Status')).toHaveValue('mitigating');
    await page.getByRole('button', { name: 'Back to live' }).click();

    // Importing the same bundle again never overwrites: it is refused, then imported as a copy on request.
    await page.getByRole('button', { name: 'Import bundle…' }).click();
    await dialog.locator('input[type="file"]').setInputFiles(bundlePath);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('already exists');
    await dialog.getByRole('button', { name: 'Import as a copy' }).click();
    await expect(page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout latency and 5xx/ })).toHaveCount(2);

    // A truncated bundle is refused with a reason.
    const truncated = join(freshDir, 'truncated.html');
    const full = readFileSync(bundlePath, 'utf8');
    const dataStart = full.indexOf('id="firebreak-bundle"');
    const dataEnd = full.indexOf('</script>', dataStart);
    writeFileSync(truncated, full.slice(0, Math.floor((dataStart + dataEnd) / 2)));
    await page.getByRole('button', { name: 'Import bundle…' }).click();
    await dialog.locator('input[type="file"]').setInputFiles(truncated);
    await expect(dialog.getByRole('alert')).toContainText(/truncated or damaged/);
    await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  } finally {
    await stopHost(second);
    rmSync(freshDir, { recursive: true, force: true });
  }
});

test('the post-incident review is drafted from the log, edited and saved', async ({ page, host }) => {
  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout latency and 5xx/ }).click();
  await page.getByTestId('incident-header').getByText('Review', { exact: true }).click();
  await page.getByRole('group', { name: 'Review tools' }).getByRole('button', { name: 'Post-incident review…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Post-incident review' });
  const text = dialog.getByLabel('Review text');
  // The demo carries the draft its commander saved, generated from the log: the dialog opens on it.
  const saved = demoEvents.findLast((e) => e.type === 'review.saved');
  expect(saved?.type === 'review.saved' && saved.payload.markdown).toMatch(/## Timeline of decisions/);
  await expect(text).toHaveValue(saved?.type === 'review.saved' ? saved.payload.markdown : '');
  // Regenerating drafts it again from the log, as the core's generator does.
  await dialog.getByRole('button', { name: 'Regenerate from log' }).click();
  await expect(text).toHaveValue(generateReviewDraft('demo-checkout-latency-outage', demoEvents));
  await text.fill('# Review\n\nRoot cause: keep-alive default changed.');
  await expect(dialog.getByLabel('Review preview').locator('h1')).toHaveText('Review');
  await dialog.getByRole('button', { name: 'Save review' }).click();
  await expect(dialog.getByText(/Last saved/)).toBeVisible();
  await page.reload();
  await waitForCockpit(page);
  await page.getByTestId('incident-header').getByText('Review', { exact: true }).click();
  await page.getByRole('group', { name: 'Review tools' }).getByRole('button', { name: 'Post-incident review…' }).click();
  await expect(page.getByRole('dialog', { name: 'Post-incident review' }).getByLabel('Review text')).toHaveValue('# Review\n\nRoot cause: keep-alive default changed.');
});
