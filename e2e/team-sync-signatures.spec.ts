// Signed team sync as a user sees it: a browser host synced with a real nats-server; someone with the team's credentials (the
// JS client, not a laptop) publishes a note that claims to come from this laptop's device but is signed with another key.
// The note never reaches the timeline, the header chip says "· 1 event refused", and Settings → Team sync shows the notice
// and the team's devices with their key fingerprints (this laptop's matches Settings → Signing keys).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NatsServer } from '../electron/core/sync/testing/nats-server';
import { noteWire, TeamForger } from '../electron/core/sync/testing/team-forger';
import { expect, openCockpit, rpc, startHost, stopHost, test } from './fixtures';

test('a note forged in the name of this laptop is refused: the header counts it and Settings explains it and lists the devices', async ({ page, dataDir }) => {
  test.setTimeout(120_000);
  const natsDir = mkdtempSync(join(tmpdir(), 'firebreak-e2e-nats-signed-'));
  const server = await NatsServer.start({ storeDir: natsDir });
  const host = await startHost(join(dataDir, 'signed'), { FIREBREAK_SYNC_URL: server.url, FIREBREAK_TEAM: 'e2e', FIREBREAK_OPERATOR: 'ana' });
  let forger: TeamForger | undefined;
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openCockpit(page, host.url);
    await expect.poll(async () => (await rpc<{ state: string }>(host, 'sync.status', {})).state, { timeout: 20_000 }).toBe('online');
    const { id } = await rpc<{ id: string }>(host, 'incidents.declare', { title: 'Forged note attempt', severity: 'SEV2', commander: 'ana' });
    const { deviceId } = await rpc<{ deviceId: string }>(host, 'identity.get', {});
    const { fingerprint } = await rpc<{ fingerprint: string }>(host, 'signing.identity', {});
    forger = await TeamForger.connect(server.url, 'e2e');
    const colleague = TeamForger.keys();
    await forger.register('dev_benslaptop000000', colleague.text, 'ben');
    await forger.publish(noteWire(id, deviceId, 9001, 'Roll back now — forged'), { signer: deviceId, keys: TeamForger.keys() });

    const incidents = page.getByRole('navigation', { name: 'Incidents' });
    await incidents.getByRole('button', { name: /Forged note attempt/ }).click();
    const header = page.getByTestId('incident-header');
    await expect(header.getByTestId('sync-status')).toHaveText('Synced · team e2e · 1 event refused', { timeout: 20_000 });
    await expect(header.getByTestId('sync-status')).toHaveAttribute('title', /1 event from device dev_.{6}… was refused: signature did not verify — someone with the team's credentials may be impersonating a laptop\./);
    await expect(page.getByRole('list', { name: 'Timeline events' })).not.toContainText('forged');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.screenshot({ path: test.info().outputPath(`team-sync-refused-header-${scheme}.png`) });
    }

    await incidents.getByRole('button', { name: 'Settings…', exact: true }).click();
    const section = page.getByRole('region', { name: 'Team sync' });
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByRole('list', { name: 'Events refused from the team' })).toContainText('1 event from device');
    const devices = section.getByRole('list', { name: 'Team devices' });
    await expect(devices.getByRole('listitem')).toHaveCount(2);
    await expect(devices.getByRole('listitem').filter({ hasText: '(this laptop)' })).toHaveText(`@ana · device ${deviceId} (this laptop) — key ${fingerprint}`);
    await expect(devices.getByRole('listitem').filter({ hasText: '@ben' })).toContainText('device dev_benslaptop000000');
    await section.getByRole('list', { name: 'Team devices' }).scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await section.screenshot({ path: test.info().outputPath(`team-sync-devices-${scheme}.png`) });
    }
  } finally {
    await forger?.close();
    await stopHost(host);
    await server.stop();
    rmSync(natsDir, { recursive: true, force: true });
  }
});
