// User journeys of the foundation: declare an incident, add a note, change status, reload and restart — all persisted; open the demo.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_TITLE, demoChecklist, demoTimelineRows } from './demo-incident';
import { expect, openCockpit, repoRoot, startHost, stopHost, test, waitForCockpit } from './fixtures';
import { declareIncident } from './journeys';

test('declare, note and status change survive a reload and a restart', async ({ page, dataDir, host }) => {
  await openCockpit(page, host.url);
  // The token is taken out of the address bar once it is stored for the tab.
  expect(page.url()).not.toContain('token=');

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('declare');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title', { exact: true }).fill('Search results empty for EU users');
  await expect(dialog.getByText('Complete outage or data loss')).toBeVisible();
  await dialog.getByLabel(/SEV1/).check();
  await dialog.getByLabel('Commander', { exact: true }).fill('ana.ruiz');
  await dialog.getByLabel(/Affected services/).fill('search-api, indexer');
  await dialog.getByRole('button', { name: 'Declare incident' }).click();

  const header = page.getByTestId('incident-header');
  await expect(header.getByRole('heading', { name: 'Search results empty for EU users' })).toBeVisible();
  await expect(header.getByRole('button', { name: 'SEV1' })).toBeVisible();
  await expect(header).toContainText('ana.ruiz');
  await expect(header).toContainText('search-api, indexer');

  await page.getByLabel('Quick note').fill('Indexer lag 40 minutes in eu-west');
  await page.getByLabel('Quick note').press('Enter');
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Indexer lag 40 minutes in eu-west');

  await header.getByLabel('Status').selectOption('identified');
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Status Investigating → Identified');

  await page.reload();
  await waitForCockpit(page);
  await expect(page.getByTestId('incident-header').getByRole('heading')).toHaveText('Search results empty for EU users');
  await expect(page.getByTestId('incident-header').getByLabel('Status')).toHaveValue('identified');
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Indexer lag 40 minutes in eu-west');

  // A new process on the same data directory sees the same incident.
  await stopHost(host);
  const second = await startHost(dataDir);
  try {
    await openCockpit(page, second.url);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Search results empty for EU users/ }).click();
    await expect(page.getByTestId('incident-header').getByLabel('Status')).toHaveValue('identified');
    await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Indexer lag 40 minutes in eu-west');
  } finally {
    await stopHost(second);
  }
});

for (const scheme of ['dark', 'light'] as const) {
  test(`the bundled demo shows every capability at 1366×768 (${scheme}): charts, checklist, verified rollback, updates`, async ({ page, host }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await openCockpit(page, host.url);
    const nav = page.getByRole('navigation', { name: 'Incidents' });
    // A first start opens the demo; the "Start here" card then says what to look at instead of offering to open it.
    await nav.getByRole('button', { name: DEMO_TITLE }).click();
    const startHere = page.getByRole('complementary', { name: 'Start here' });
    await expect(startHere).toContainText('You are looking at the demo incident');
    await expect(startHere.getByRole('button', { name: 'Open the demo incident' })).toHaveCount(0);
    const header = page.getByTestId('incident-header');
    await expect(header.locator('.demo-badge')).toHaveText('DEMO');
    await expect(header.getByLabel('Status')).toHaveValue('resolved');
    await expect(header.getByRole('button', { name: 'SEV1' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('status', { name: 'Events shown' })).toHaveText(`${demoTimelineRows} events`);

    // Metrics: captured ranges draw without any Prometheus configured.
    const metrics = page.getByRole('region', { name: 'Live metrics' });
    const chart = metrics.getByRole('article', { name: 'Checkout 5xx ratio' });
    await expect(chart.locator('.recharts-line path.recharts-curve').first()).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/, { timeout: 20_000 });
    await expect(metrics.getByText('No Prometheus server is configured')).toHaveCount(0);

    // The hot-fix checklist in progress: its real progress and the step to work on now, with its owner.
    const { done, skipped, total } = demoChecklist.progress;
    const checklist = page.getByRole('article', { name: /^Checklist: Hot-fix lifecycle/ });
    await expect(checklist.getByRole('progressbar')).toHaveAttribute('aria-valuetext', `${done} done, ${skipped} skipped of ${total}`);
    const current = demoChecklist.steps.find((s) => s.status === 'open')!;
    await expect(checklist.getByTestId('current-step')).toContainText(current.text.replace(/[*`]/g, '').slice(0, 30));
    await expect(checklist.getByTestId('current-step')).toContainText(`@${current.owner}`);

    // The rollback: confirmed with a second approver and verified healthy by its health query.
    const rollback = page.getByRole('article', { name: 'Rollback of checkout-api' });
    await expect(rollback).toContainText('completed, verified healthy');
    await expect(rollback).toContainText('approved by priya.raman');

    // The first event is still one search away in the virtualized timeline.
    await page.getByLabel('Search timeline').fill('incident declared');
    await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Incident declared: Checkout latency and 5xx');
    await page.getByLabel('Search timeline').fill('');
    await page.getByLabel('Search timeline').blur();

    const shot = test.info().outputPath(`demo-1366-${scheme}.png`);
    await page.screenshot({ path: shot });
    // FIREBREAK_README_SCREENSHOTS=1 refreshes the README's pictures of the demo from this run.
    if (process.env.FIREBREAK_README_SCREENSHOTS === '1') copyFileSync(shot, join(repoRoot, 'assets', `screenshot-1366-${scheme}.png`));
  });
}

test('the command palette switches incidents and changes status from the keyboard', async ({ page, host }) => {
  await openCockpit(page, host.url);
  await declareIncident(page, { title: 'Queue backlog in billing', commander: 'kai' });

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('status mitigating');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('incident-header').getByLabel('Status')).toHaveValue('mitigating');

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('switch checkout');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('incident-header').getByRole('heading', { level: 1 })).toHaveText(/Checkout latency/);
});

test('API calls without the token are refused and malformed input is rejected', async ({ host, request }) => {
  const noToken = await request.post(`${host.origin}/api/rpc/incidents.list`, { data: {} });
  expect(noToken.status()).toBe(401);
  const malformed = await request.post(`${host.origin}/api/rpc/incidents.declare`, {
    data: { title: 7, severity: 'SEV9' },
    headers: { authorization: `Bearer ${host.token}` },
  });
  expect(malformed.status()).toBe(200);
  const body = (await malformed.json()) as { ok: boolean; error: { code: string } };
  expect(body).toMatchObject({ ok: false, error: { code: 'validation' } });
});
