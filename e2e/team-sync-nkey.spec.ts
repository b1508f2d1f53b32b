// Team sync with an nkey, as a user sets it up: a browser host with no sync settings, a real nats-server that only lets in
// one nkey user; in Settings → Team sync the user types the address and team and pastes the seed. The laptop connects, and
// the form then says only that an nkey is stored, with its public key — the seed is never shown again.
import { nkeys } from '@nats-io/transport-node';
import { expect, openLaptop, openTeamSyncSettings, screenshotBothThemes, test } from './team-sync-fixtures';

test('pasting an nkey seed in Settings connects to a server that requires it; afterwards only its public key is shown', async ({ page, teamSync }) => {
  const user = nkeys.createUser();
  const seed = new TextDecoder().decode(user.getSeed());
  const server = await teamSync.server({ nkey: user.getPublicKey() });
  await openLaptop(page, await teamSync.laptop('nkey', { FIREBREAK_OPERATOR: 'ana' }));
  const section = await openTeamSyncSettings(page);
  await section.getByLabel('Team server address').fill(server.url);
  await section.getByLabel('Team name').fill('e2e');
  await section.getByLabel(/^Nkey seed/).fill(seed);
  await section.getByRole('button', { name: 'Save team sync settings' }).click();
  await expect(section.getByTestId('sync-settings-status')).toContainText(`Connected to ${server.url}`, { timeout: 20_000 });
  await expect(section.getByTestId('sync-nkey-stored')).toContainText(user.getPublicKey());
  await expect(section.getByLabel(/^Nkey seed \(stored/)).toHaveValue('');
  expect(await page.content()).not.toContain(seed);
  await screenshotBothThemes(page, section, 'team-sync-nkey');
});
