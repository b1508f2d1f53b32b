// Pins and marks across two synced browser hosts (real nats-server): a received event has another local seq on each
// laptop, so the timeline names the row's event by its global id. Ben writes a note with sync off before Ana's note reaches
// him; in Ben's timeline he pins Ana's note and marks his own as a decision, and Ana's laptop shows the same two events.
import type { RunningHost } from './fixtures';
import { expect, openLaptop, rpc, screenshotBothThemes, test } from './team-sync-fixtures';

interface TimelinePage {
  pinned: { text: string }[];
  rows: { text: string; kind?: string; seq: number }[];
}
type Logged = { events: { seq: number; payload: { text?: string } }[] };

const seqOn = async (host: RunningHost, incidentId: string, text: string) =>
  (await rpc<Logged>(host, 'timeline.events', { incidentId })).events.find((e) => e.payload.text === text)?.seq;

test("a pin and a mark made in B's timeline land on the same events on A, though their local seqs differ", async ({ page, teamSync }) => {
  const { server, a, b } = await teamSync.pair();
  const { id } = await rpc<{ id: string }>(a, 'incidents.declare', { title: 'Search errors from A', severity: 'SEV2', commander: 'ana' });
  await expect.poll(async () => (await rpc<{ state?: { title: string } }>(b, 'incidents.get', { incidentId: id }).catch(() => undefined))?.state?.title).toBe('Search errors from A');
  // Ben turns sync off and writes a note; meanwhile Ana writes hers. Ben turns sync back on: each gets the other's note.
  await rpc(b, 'sync.settings.save', { url: '', team: '' });
  await rpc(b, 'incidents.addNote', { incidentId: id, text: 'Ben: search pods restarting' });
  await rpc(a, 'incidents.addNote', { incidentId: id, text: 'Ana: error rate 12%' });
  await rpc(b, 'sync.settings.save', { url: server.url, team: 'e2e' });
  await expect.poll(() => seqOn(a, id, 'Ben: search pods restarting'), { timeout: 20_000 }).toBeDefined();
  await expect.poll(() => seqOn(b, id, 'Ana: error rate 12%'), { timeout: 20_000 }).toBeDefined();
  expect(await seqOn(b, id, 'Ana: error rate 12%')).not.toBe(await seqOn(a, id, 'Ana: error rate 12%'));
  expect(await seqOn(b, id, 'Ben: search pods restarting')).not.toBe(await seqOn(a, id, 'Ben: search pods restarting'));

  await openLaptop(page, b);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Search errors from A/ }).click();
  const pane = page.getByRole('region', { name: 'Timeline' });
  const list = pane.getByRole('list', { name: 'Timeline events' });
  const anaRow = list.getByRole('listitem').filter({ hasText: 'Ana: error rate 12%' });
  await anaRow.getByRole('button', { name: /^Pin event \d+$/ }).click();
  await expect(pane.getByLabel('Pinned events')).toContainText('Ana: error rate 12%');
  const benRow = list.getByRole('listitem').filter({ hasText: 'Ben: search pods restarting' });
  await benRow.getByLabel(/^Mark event \d+ as$/).selectOption('decision');
  await expect(benRow.locator('.kind-badge')).toHaveText('decision');
  await screenshotBothThemes(page, pane, 'team-sync-pins');

  // Ana's laptop marks the same two events (a pin by Ben's local seq would have hit another event there).
  const onA = () => rpc<TimelinePage>(a, 'timeline.page', { incidentId: id, limit: 50 });
  await expect.poll(async () => (await onA()).pinned.map((r) => r.text), { timeout: 20_000 }).toEqual(['Ana: error rate 12%']);
  await expect.poll(async () => (await onA()).rows.filter((r) => r.kind === 'decision').map((r) => r.text), { timeout: 20_000 }).toEqual(['Ben: search pods restarting']);
});
