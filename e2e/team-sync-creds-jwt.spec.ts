// Team sync with a .creds file against a nats-server in operator/JWT mode, as a user sets it up: a browser host with no sync
// settings; in Settings → Team sync the user gives the address, the team and the path of the .creds file their NATS operator
// sent. An expired user's file is refused with the expiry and the fix named; the current file connects.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NatsOperator } from '../electron/core/sync/testing/nats-operator';
import { NatsServer } from '../electron/core/sync/testing/nats-server';
import { expect, openCockpit, startHost, stopHost, test } from './fixtures';

test('a .creds path in Settings: an expired user is refused with the fix named, the current file connects', async ({ page, dataDir }) => {
  test.setTimeout(120_000);
  const operator = new NatsOperator('firebreak-ops');
  const team = operator.account('e2e-team');
  const root = mkdtempSync(join(tmpdir(), 'firebreak-e2e-nats-jwt-'));
  const storeDir = join(root, 'nats');
  const server = await NatsServer.start({ storeDir, config: await operator.serverConfig(storeDir, [team]) });
  const expiredFile = join(root, 'ana-old.creds');
  writeFileSync(expiredFile, (await team.userCreds('ana', { expires: Math.floor(Date.now() / 1000) - 3600 })).creds, { mode: 0o600 });
  const currentFile = join(root, 'ana.creds');
  writeFileSync(currentFile, (await team.userCreds('ana')).creds, { mode: 0o600 });
  const host = await startHost(join(dataDir, 'creds-jwt'), { FIREBREAK_OPERATOR: 'ana' });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openCockpit(page, host.url);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: 'Settings…', exact: true }).click();
    const section = page.getByRole('region', { name: 'Team sync' });
    await section.scrollIntoViewIfNeeded();
    // The form fills itself from the saved settings once they load: type only after that, or the load overwrites the typing.
    await expect(section.getByText('Team sync is off.')).toBeVisible();
    await section.getByLabel('Team server address').fill(server.url);
    await section.getByLabel('Team name').fill('e2e');
    const credsField = section.getByLabel(/^Credentials file/);
    await credsField.fill(expiredFile);
    await section.getByRole('button', { name: 'Save team sync settings' }).click();
    const status = section.getByTestId('sync-settings-status');
    await expect(status).toContainText(/user "ana" expired on .* UTC\. Ask your NATS operator for a new \.creds file/, { timeout: 20_000 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await section.screenshot({ path: test.info().outputPath(`team-sync-creds-expired-${scheme}.png`) });
    }
    // Saving reloads the form from the saved settings; the next path is typed once that has happened.
    await expect(section.getByText('Saved. Syncing with team e2e.')).toBeVisible();
    await expect(credsField).toHaveValue(expiredFile);
    await credsField.fill(currentFile);
    await expect(credsField).toHaveValue(currentFile);
    await section.getByRole('button', { name: 'Save team sync settings' }).click();
    await expect(status).toContainText(`Connected to ${server.url}`, { timeout: 20_000 });
  } finally {
    await stopHost(host);
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
