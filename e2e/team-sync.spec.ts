// Team sync journey on two browser hosts (`npm run web` with FIREBREAK_SYNC_URL / FIREBREAK_TEAM) and a real nats-server:
// an incident declared on laptop A appears in laptop B's list; B's header says it is synced, then "Offline since … · 1 event
// to sync" when the server goes away, and synced again once it is back, with B's note on A.
import { expect, openLaptop, openTeamSyncSettings, rpc, screenshotBothThemes, test } from './team-sync-fixtures';

test('an incident declared on A appears on B; B keeps working offline and syncs when the server is back', async ({ page, teamSync }) => {
  const { server, a, b } = await teamSync.pair();
  await openLaptop(page, b);
  const declared = await rpc<{ id: string }>(a, 'incidents.declare', { title: 'Checkout latency from A', severity: 'SEV2', commander: 'ana' });
  const incidents = page.getByRole('navigation', { name: 'Incidents' });
  await incidents.getByRole('button', { name: /Checkout latency from A/ }).click();
  const header = page.getByTestId('incident-header');
  await expect(header.getByRole('heading', { name: 'Checkout latency from A' })).toBeVisible();
  await expect(header.getByTestId('sync-status')).toHaveText('Synced · team e2e');
  // The declaration came from A's laptop: its row names the author's handle and A's device.
  const fromA = page.getByRole('list', { name: 'Timeline events' }).getByText(/^@ana · device [a-z2-7]{4}$/);
  await expect(fromA).toBeVisible();
  await expect(fromA).toHaveAttribute('title', /^Written by @ana on another laptop \(device dev_[a-z2-7]{16}\)$/);
  await screenshotBothThemes(page, page, 'team-sync-author');

  await server.stop();
  await expect(header.getByTestId('sync-status')).toHaveText(/^Offline since \d{1,2}:\d{2}/);
  await page.getByLabel('Quick note').fill('Written on B while the team server is down');
  await page.getByLabel('Quick note').press('Enter');
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Written on B while the team server is down');
  await expect(header.getByTestId('sync-status')).toHaveText(/^Offline since \d{1,2}:\d{2}.* · 1 event to sync$/);
  await screenshotBothThemes(page, page, 'team-sync-offline');

  await server.restart();
  await expect(header.getByTestId('sync-status')).toHaveText('Synced · team e2e', { timeout: 20_000 });
  await expect
    .poll(async () => (await rpc<{ events: { payload: { text?: string } }[] }>(a, 'timeline.events', { incidentId: declared.id })).events.map((e) => e.payload.text))
    .toContain('Written on B while the team server is down');

  // Settings → Team sync shows where the settings in force come from and that this laptop is connected.
  const section = await openTeamSyncSettings(page);
  await expect(section.getByTestId('sync-settings-status')).toContainText(`Connected to ${server.url}`);
  await expect(section).toContainText('Set when Firebreak was started');
  await expect(section.getByLabel('Team name')).toHaveValue('e2e');
  await screenshotBothThemes(page, section, 'team-sync-settings');
});
