// Export the demo incident as a review bundle, open it offline in a plain browser, import it into a fresh data directory.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, openCockpit, startHost, stopHost, test } from './fixtures';

test('export a review bundle, view it from file:// and import it elsewhere with the same result', async ({ page, host, browser }) => {
  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout latency and 5xx/ }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export review bundle' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('demo-checkout-latency-outage.firebreak-review.html');
  const bundlePath = join(host.dataDir, 'exported.html');
  await download.saveAs(bundlePath);

  // 1. A plain browser, offline, straight from the file: read-only cockpit of the same incident.
  const offline = await browser.newContext({ offline: true });
  const viewer = await offline.newPage();
  await viewer.goto(pathToFileURL(bundlePath).href);
  await viewer.locator('.app[data-ready="true"]').waitFor();
  await expect(viewer.locator('.incident-header h1')).toHaveText(/Checkout latency and 5xx/);
  await expect(viewer.locator('.incident-header').getByLabel('Status')).toHaveValue('resolved');
  await expect(viewer.locator('[data-pane="timeline"] .pane-meta')).toHaveText(/ of 301 events$/);
  await expect(viewer.getByText('Read-only review bundle')).toBeVisible();
  const scrubber = viewer.getByRole('slider', { name: 'Playback position' });
  const min = Number(await scrubber.getAttribute('min'));
  const max = Number(await scrubber.getAttribute('max'));
  await scrubber.fill(String(Math.round((min + max) / 2)));
  await expect(viewer.locator('.incident-header').getByLabel('Status')).toHaveValue('mitigating');
  await offline.close();

  // 2. Import into a fresh data directory (its own demo removed first, so the id is free).
  const freshDir = mkdtempSync(join(tmpdir(), 'firebreak-import-'));
  writeFileSync(join(freshDir, 'demo-seeded.json'), '{}');
  const second = await startHost(freshDir);
  try {
    await openCockpit(page, second.url);
    await page.getByRole('button', { name: 'Import review bundle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import review bundle' });
    await dialog.locator('input[type="file"]').setInputFiles(bundlePath);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.locator('.incident-header h1')).toHaveText(/Checkout latency and 5xx/);
    await expect(page.locator('[data-pane="timeline"] .pane-meta')).toHaveText(/ of 301 events$/);
    await page.getByRole('button', { name: '▶ Review playback' }).click();
    const s2 = page.getByRole('slider', { name: 'Playback position' });
    await s2.fill(String(Math.round((min + max) / 2)));
    await expect(page.locator('.incident-header').getByLabel('Status')).toHaveValue('mitigating');
    await page.getByRole('button', { name: 'Back to live' }).click();

    // Importing the same bundle again never overwrites: it is refused, then imported as a copy on request.
    await page.getByRole('button', { name: 'Import review bundle…' }).click();
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
    await page.getByRole('button', { name: 'Import review bundle…' }).click();
    await dialog.locator('input[type="file"]').setInputFiles(truncated);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(/truncated or damaged/);
  } finally {
    await stopHost(second);
    rmSync(freshDir, { recursive: true, force: true });
  }
});

test('the post-incident review is drafted from the log, edited and saved', async ({ page, host }) => {
  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout latency and 5xx/ }).click();
  await page.locator('.incident-header').getByRole('button', { name: 'Review', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Post-incident review' });
  const text = dialog.getByLabel('Review text');
  await expect(text).toHaveValue(/## Timeline of decisions/);
  await expect(text).toHaveValue(/time to acknowledge 2m 10s/);
  await expect(text).toHaveValue(/- \[ \] Document: post-incident review scheduled/);
  await text.fill('# Review\n\nRoot cause: keep-alive default changed.');
  await expect(dialog.getByLabel('Review preview').locator('h1')).toHaveText('Review');
  await dialog.getByRole('button', { name: 'Save review' }).click();
  await expect(dialog.getByText(/Last saved/)).toBeVisible();
  await page.reload();
  await page.locator('.app[data-ready="true"]').waitFor();
  await page.locator('.incident-header').getByRole('button', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Post-incident review' }).getByLabel('Review text')).toHaveValue('# Review\n\nRoot cause: keep-alive default changed.');
});
