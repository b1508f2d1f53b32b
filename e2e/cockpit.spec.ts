// User journeys of the foundation: declare an incident, add a note, change status, reload and restart — all persisted; open the demo.
import { expect, openCockpit, startHost, stopHost, test, waitForCockpit } from './fixtures';

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

test('the bundled demo incident is there on first start and clearly labelled', async ({ page, host }) => {
  await openCockpit(page, host.url);
  const nav = page.getByRole('navigation', { name: 'Incidents' });
  await nav.getByRole('button', { name: /Checkout latency and 5xx/ }).click();
  const header = page.getByTestId('incident-header');
  await expect(header.locator('.demo-badge')).toHaveText('DEMO');
  await expect(header.getByLabel('Status')).toHaveValue('resolved');
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('status', { name: 'Events shown' })).toHaveText(/^\d+ of \d{3} events$/);
  // The timeline is virtualized: search brings the first event into view.
  await page.getByLabel('Search timeline').fill('incident declared');
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Incident declared: Checkout latency and 5xx');
});

test('the command palette switches incidents and changes status from the keyboard', async ({ page, host }) => {
  await openCockpit(page, host.url);
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('declare');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title', { exact: true }).fill('Queue backlog in billing');
  await dialog.getByLabel('Commander', { exact: true }).fill('kai');
  await dialog.getByRole('button', { name: 'Declare incident' }).click();
  await expect(page.getByTestId('incident-header').getByRole('heading', { level: 1 })).toHaveText('Queue backlog in billing');

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
