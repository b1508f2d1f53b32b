// Team sync with an nkey, as a user sets it up: a browser host with no sync settings, a real nats-server that only lets in
// one nkey user; in Settings → Team sync the user types the address and team and pastes the seed. The laptop connects, and
// the form then says only that an nkey is stored, with its public key — the seed is never shown again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nkeys } from '@nats-io/transport-node';
import { NatsServer } from '../electron/core/sync/testing/nats-server';
import { expect, openCockpit, startHost, stopHost, test } from './fixtures';

test('pasting an nkey seed in Settings connects to a server that requires it; afterwards only its public key is shown', async ({ page, dataDir }) => {
  test.setTimeout(120_000);
  const user = nkeys.createUser();
  const seed = new TextDecoder().decode(user.getSeed());
  const natsDir = mkdtempSync(join(tmpdir(), 'firebreak-e2e-nats-nkey-'));
  const server = await NatsServer.start({ storeDir: natsDir, nkey: user.getPublicKey() });
  const host = await startHost(join(dataDir, 'nkey'), { FIREBREAK_OPERATOR: 'ana' });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openCockpit(page, host.url);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: 'Settings…', exact: true }).click();
    const section = page.getByRole('region', { name: 'Team sync' });
    await section.scrollIntoViewIfNeeded();
    await section.getByLabel('Team server address').fill(server.url);
    await section.getByLabel('Team name').fill('e2e');
    await section.getByLabel(/^Nkey seed/).fill(seed);
    await section.getByRole('button', { name: 'Save team sync settings' }).click();
    await expect(section.getByTestId('sync-settings-status')).toContainText(`Connected to ${server.url}`, { timeout: 20_000 });
    await expect(section.getByTestId('sync-nkey-stored')).toContainText(user.getPublicKey());
    await expect(section.getByLabel(/^Nkey seed \(stored/)).toHaveValue('');
    expect(await page.content()).not.toContain(seed);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await section.screenshot({ path: test.info().outputPath(`team-sync-nkey-${scheme}.png`) });
    }
  } finally {
    await stopHost(host);
    await server.stop();
    rmSync(natsDir, { recursive: true, force: true });
  }
});
