// Team sync with a .creds file against a nats-server in operator/JWT mode, as a user sets it up: a browser host with no sync
// settings; in Settings → Team sync the user gives the address, the team and the path of the .creds file their NATS operator
// sent. An expired user's file is refused with the expiry and the fix named; the current file connects.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NatsOperator } from '../electron/core/sync/testing/nats-operator';
import { expect, openLaptop, openTeamSyncSettings, screenshotBothThemes, test } from './team-sync-fixtures';

test('a .creds path in Settings: an expired user is refused with the fix named, the current file connects', async ({ page, teamSync }) => {
  const operator = new NatsOperator('firebreak-ops');
  const team = operator.account('e2e-team');
  const server = await teamSync.server({ config: (storeDir) => operator.serverConfig(storeDir, [team]) });
  const expiredFile = join(teamSync.folder, 'ana-old.creds');
  writeFileSync(expiredFile, (await team.userCreds('ana', { expires: Math.floor(Date.now() / 1000) - 3600 })).creds, { mode: 0o600 });
  const currentFile = join(teamSync.folder, 'ana.creds');
  writeFileSync(currentFile, (await team.userCreds('ana')).creds, { mode: 0o600 });
  await openLaptop(page, await teamSync.laptop('creds-jwt', { FIREBREAK_OPERATOR: 'ana' }));
  const section = await openTeamSyncSettings(page);
  // The form fills itself from the saved settings once they load: type only after that, or the load overwrites the typing.
  await expect(section.getByText('Team sync is off.')).toBeVisible();
  await section.getByLabel('Team server address').fill(server.url);
  await section.getByLabel('Team name').fill('e2e');
  const credsField = section.getByLabel(/^Credentials file/);
  await credsField.fill(expiredFile);
  await section.getByRole('button', { name: 'Save team sync settings' }).click();
  const status = section.getByTestId('sync-settings-status');
  await expect(status).toContainText(/user "ana" expired on .* UTC\. Ask your NATS operator for a new \.creds file/, { timeout: 20_000 });
  await screenshotBothThemes(page, section, 'team-sync-creds-expired');
  // Saving reloads the form from the saved settings; the next path is typed once that has happened.
  await expect(section.getByText('Saved. Syncing with team e2e.')).toBeVisible();
  await expect(credsField).toHaveValue(expiredFile);
  await credsField.fill(currentFile);
  await expect(credsField).toHaveValue(currentFile);
  await section.getByRole('button', { name: 'Save team sync settings' }).click();
  await expect(status).toContainText(`Connected to ${server.url}`, { timeout: 20_000 });
});
