// Signed team sync as a user sees it: a browser host synced with a real nats-server; someone with the team's credentials (the
// JS client, not a laptop) publishes a note that claims to come from this laptop's device but is signed with another key.
// The note never reaches the timeline, the header chip says "· 1 event refused", and Settings → Team sync shows the notice
// and the team's devices with their key fingerprints (this laptop's matches Settings → Signing keys).
import { noteWire, TeamForger } from '../electron/core/sync/testing/team-forger';
import { expect, openLaptop, openTeamSyncSettings, rpc, screenshotBothThemes, syncedWith, test } from './team-sync-fixtures';

test('a note forged in the name of this laptop is refused: the header counts it and Settings explains it and lists the devices', async ({ page, teamSync }) => {
  const server = await teamSync.server();
  const host = await teamSync.laptop('signed', { ...syncedWith(server), FIREBREAK_OPERATOR: 'ana' });
  await openLaptop(page, host);
  await expect.poll(async () => (await rpc<{ state: string }>(host, 'sync.status', {})).state, { timeout: 20_000 }).toBe('online');
  const { id } = await rpc<{ id: string }>(host, 'incidents.declare', { title: 'Forged note attempt', severity: 'SEV2', commander: 'ana' });
  const { deviceId } = await rpc<{ deviceId: string }>(host, 'identity.get', {});
  const { fingerprint } = await rpc<{ fingerprint: string }>(host, 'signing.identity', {});
  const forger = await TeamForger.connect(server.url, 'e2e');
  teamSync.onEnd(() => forger.close());
  const colleague = TeamForger.keys();
  await forger.register('dev_benslaptop000000', colleague.text, 'ben');
  await forger.publish(noteWire(id, deviceId, 9001, 'Roll back now — forged'), { signer: deviceId, keys: TeamForger.keys() });

  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Forged note attempt/ }).click();
  const header = page.getByTestId('incident-header');
  await expect(header.getByTestId('sync-status')).toHaveText('Synced · team e2e · 1 event refused', { timeout: 20_000 });
  await expect(header.getByTestId('sync-status')).toHaveAttribute('title', /1 event from device dev_.{6}… was refused: signature did not verify — someone with the team's credentials may be impersonating a laptop\./);
  await expect(page.getByRole('list', { name: 'Timeline events' })).not.toContainText('forged');
  await screenshotBothThemes(page, page, 'team-sync-refused-header');

  const section = await openTeamSyncSettings(page);
  await expect(section.getByRole('list', { name: 'Events refused from the team' })).toContainText('1 event from device');
  const devices = section.getByRole('list', { name: 'Team devices' });
  await expect(devices.getByRole('listitem')).toHaveCount(2);
  await expect(devices.getByRole('listitem').filter({ hasText: '(this laptop)' })).toHaveText(`@ana · device ${deviceId} (this laptop) — key ${fingerprint}`);
  await expect(devices.getByRole('listitem').filter({ hasText: '@ben' })).toContainText('device dev_benslaptop000000');
  await devices.scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, section, 'team-sync-devices');
});
