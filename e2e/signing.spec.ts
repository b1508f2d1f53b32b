// Signing keys across two installations: copy your public key from Settings, trust it on a colleague's installation,
// and a review bundle exported by you imports there showing "signed by <name>, key <fingerprint>" as trusted.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openCockpit, startHost, stopHost, test } from './fixtures';

const screenshotDir = process.env.FIREBREAK_SCREENSHOT_DIR;

test('a bundle from a trusted colleague imports showing who signed it', async ({ page, host }) => {
  // Two hosts, an export and an import of the demo: more work than one journey's default budget.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: 'Settings…', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const publicKey = await settings.getByRole('textbox', { name: 'Your public key' }).inputValue();
  const fingerprint = (await settings.getByLabel('Your key fingerprint').textContent()) ?? '';
  expect(publicKey).toMatch(/^ed25519:[A-Za-z0-9+/]{43}=$/);
  expect(fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  await settings.getByRole('button', { name: 'Close', exact: true }).click();

  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout latency and 5xx/ }).click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('incident-header').getByText('Review', { exact: true }).click();
  await page.getByRole('group', { name: 'Review tools' }).getByRole('button', { name: 'Export review bundle' }).click();
  const bundlePath = join(host.dataDir, 'exported.html');
  await (await downloading).saveAs(bundlePath);

  const colleagueDir = mkdtempSync(join(tmpdir(), 'firebreak-colleague-'));
  writeFileSync(join(colleagueDir, 'demo-seeded.json'), '{}');
  const colleague = await startHost(colleagueDir);
  try {
    await openCockpit(page, colleague.url);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: 'Settings…', exact: true }).click();
    const trust = settings.getByRole('form', { name: "Trust a colleague's key" });
    await trust.getByLabel('Name').fill('Alex (on call)');
    await trust.getByLabel('Public key').fill('ed25519:not-a-key');
    await trust.getByRole('button', { name: 'Trust key' }).click();
    await expect(settings.getByRole('alert')).toContainText('A public key looks like "ed25519:"');
    await trust.getByLabel('Public key').fill(publicKey);
    await trust.getByRole('button', { name: 'Trust key' }).click();
    await expect(settings.getByRole('list', { name: 'Trusted keys' })).toContainText(`Alex (on call) ${fingerprint}`);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await settings.getByRole('heading', { name: 'Signing keys' }).scrollIntoViewIfNeeded();
      if (screenshotDir) await page.screenshot({ path: join(screenshotDir, `settings-signing-${scheme}.png`) });
    }
    await settings.getByRole('button', { name: 'Close', exact: true }).click();

    await page.getByRole('button', { name: 'Import bundle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import review bundle' });
    await dialog.getByLabel('Review bundle file (.firebreak-review.html)').setInputFiles(bundlePath);
    await expect(dialog.getByRole('status')).toHaveText(`Signed by Alex (on call), key ${fingerprint} (a trusted key). The content is exactly as it was exported.`);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      if (screenshotDir) await page.screenshot({ path: join(screenshotDir, `import-signed-${scheme}.png`) });
    }
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByTestId('incident-header').getByRole('heading', { level: 1 })).toHaveText(/Checkout latency and 5xx/);
  } finally {
    await stopHost(colleague);
    rmSync(colleagueDir, { recursive: true, force: true });
  }
});

test('metrics header values and URL passwords are stored, never shown back', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const response = await fetch(`${host.origin}/api/rpc/metrics.settings.save`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ prometheus: [{ id: 'prod', name: 'Prod', baseUrl: 'http://ops:url-secret-pass@127.0.0.1:9', headers: { 'X-Api-Key': 'header-secret-value' } }] }),
  });
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: 'Settings…', exact: true }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Metrics settings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Metrics settings' });
  const prometheus = dialog.getByLabel('Prometheus', { exact: true });
  await expect(prometheus.getByLabel('Prometheus URL')).toHaveValue('http://127.0.0.1:9');
  await expect(prometheus.getByLabel('User', { exact: true })).toHaveValue('ops');
  await expect(prometheus.getByLabel('Password', { exact: true })).toHaveAttribute('placeholder', 'Stored — leave empty to keep it');
  await expect(prometheus.getByLabel(/Extra headers/)).toHaveValue('X-Api-Key: ');
  await expect(prometheus.getByText(/Header values are kept in the secret vault/)).toHaveText(/stored: X-Api-Key — leave “Name:” empty to keep a value\./);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await prometheus.getByLabel(/Extra headers/).scrollIntoViewIfNeeded();
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, `metrics-headers-${scheme}.png`) });
  }
});
