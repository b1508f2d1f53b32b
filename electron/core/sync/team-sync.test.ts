// Team sync through a real nats-server (JetStream, started here on a free port): three laptops, each a core with its own data
// directory, share incidents; they converge to the same order, survive the server going away, and refuse wrong credentials
// clearly while local writes go on.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import type { IncidentListItem } from '../../../shared/ipc';
import type { FirebreakCore } from '../firebreak-core';
import { runAndKill } from '../store/testing/kill-child';
import { openBrowserVault } from '../secrets/vault-key';
import { JiraStandIn } from '../connectors/testing/jira-stand-in';
import { call, SyncedLaptops, syncStatus as status } from './testing/synced-laptops';

let team: SyncedLaptops;
const laptop = (name: string) => team.laptop(name);
const merged = (core: FirebreakCore, incidentId: string): readonly IncidentEvent[] => core.sync.engine?.mergedEvents(incidentId) ?? [];
const ids = (core: FirebreakCore, incidentId: string) => merged(core, incidentId).map((e) => e.id);
const notes = (core: FirebreakCore, incidentId: string) => merged(core, incidentId).flatMap((e) => (e.type === 'note.added' ? [e.payload.text] : []));
/** Every event id in the laptop's own log (what it wrote and received), to prove nothing was stored twice. */
const loggedIds = async (core: FirebreakCore, incidentId: string) => (await call<{ events: IncidentEvent[] }>(core, 'timeline.events', { incidentId })).events.map((e) => e.id);
const online = (...laptops: FirebreakCore[]) => team.online(...laptops);

beforeAll(async () => {
  team = await SyncedLaptops.start('team-sync', 'blue', { keep: Boolean(process.env.KEEP_SYNC_TMP) });
});

afterAll(() => team.close());

describe('team sync through JetStream', () => {
  let a: FirebreakCore;
  let b: FirebreakCore;
  let c: FirebreakCore;
  let incidentId: string;

  it('an incident declared on A appears on B and C, and notes written on all three converge to one order', async () => {
    [a, b, c] = await Promise.all([laptop('ana'), laptop('ben'), laptop('chloe')]);
    await online(a, b, c);
    const declared = await call<{ id: string }>(a, 'incidents.declare', { title: 'Checkout latency', severity: 'SEV2', commander: 'ana' });
    incidentId = declared.id;
    for (const other of [b, c]) {
      await vi.waitFor(async () => expect((await call<IncidentListItem[]>(other, 'incidents.list', {})).map((i) => i.state?.title)).toContain('Checkout latency'), { timeout: 5000, interval: 20 });
    }
    // Concurrent notes from all three laptops.
    await Promise.all(
      [a, b, c].flatMap((core, n) => Array.from({ length: 5 }, (_, i) => call(core, 'incidents.addNote', { incidentId, text: `note ${n}-${i}`, kind: 'note' }))),
    );
    await vi.waitFor(() => {
      for (const core of [a, b, c]) expect(notes(core, incidentId)).toHaveLength(15);
      expect(ids(b, incidentId)).toEqual(ids(a, incidentId));
      expect(ids(c, incidentId)).toEqual(ids(a, incidentId));
    }, { timeout: 15000, interval: 50 });
    // A laptop's own last event can be in every merged list before its own copy comes back through its consumer.
    await vi.waitFor(async () => {
      for (const core of [a, b, c]) expect((await status(core)).pendingEvents).toBe(0);
    }, { timeout: 15000, interval: 50 });
    expect(new Set(ids(a, incidentId)).size).toBe(16);
    // The incident's state is projected in the team order: the same on every laptop.
    const states = await Promise.all([a, b, c].map((core) => call<IncidentListItem>(core, 'incidents.get', { incidentId })));
    for (const s of states) expect(s.state).toMatchObject({ noteCount: 15, commander: 'ana', title: 'Checkout latency' });
  });

  it('partition: with the server stopped A and B keep writing; after it restarts all three converge, nothing lost or duplicated', async () => {
    await team.server.stop();
    await vi.waitFor(async () => expect((await status(a)).state).toBe('offline'), { timeout: 10000, interval: 50 });
    await call(a, 'incidents.addNote', { incidentId, text: 'offline a1', kind: 'note' });
    await call(b, 'incidents.addNote', { incidentId, text: 'offline b1', kind: 'note' });
    await call(a, 'incidents.changeStatus', { incidentId, to: 'identified', reason: 'found on A' });
    await call(b, 'incidents.addNote', { incidentId, text: 'offline b2', kind: 'note' });
    // A conflict: B changes the status too, without having seen A's change.
    await call(b, 'incidents.changeStatus', { incidentId, to: 'mitigating', reason: 'rolled back on B' });
    const offline = await status(a);
    expect(offline).toMatchObject({ state: 'offline', pendingEvents: 2, offlineSince: expect.any(String) });
    expect((await status(b)).pendingEvents).toBe(3);
    await team.server.restart();
    await vi.waitFor(() => {
      for (const core of [a, b, c]) expect(notes(core, incidentId)).toHaveLength(18);
      expect(ids(b, incidentId)).toEqual(ids(a, incidentId));
      expect(ids(c, incidentId)).toEqual(ids(a, incidentId));
    }, { timeout: 20000, interval: 50 });
    for (const core of [a, b, c]) {
      expect(new Set(notes(core, incidentId)).size).toBe(18);
      const logged = await loggedIds(core, incidentId);
      expect(logged).toHaveLength(21);
      expect(new Set(logged).size).toBe(21);
    }
    // Both status changes are kept; the one the server sequenced last stands, the same on every laptop, and each says why.
    const standing = await Promise.all([a, b, c].map(async (core) => (await call<IncidentListItem>(core, 'incidents.get', { incidentId })).state?.status));
    expect(new Set(standing).size).toBe(1);
    expect(['identified', 'mitigating']).toContain(standing[0]);
    for (const core of [a, b, c]) {
      const view = await call<{ shared: boolean; statusConflict?: { stands: { status: string }; explanation: string } }>(core, 'sync.incident', { incidentId });
      expect(view).toMatchObject({ shared: true, statusConflict: { stands: { status: standing[0] } } });
      expect(view.statusConflict?.explanation).toMatch(/stands: .+ at the same time, without either seeing the other/);
    }
    await vi.waitFor(async () => expect((await status(a)).pendingEvents).toBe(0), { timeout: 5000, interval: 50 });
  });
});

describe('team sync authentication', () => {
  it('wrong credentials give a clear error and local writes still work', async () => {
    const guarded = await team.otherServer('nats-auth', { user: 'firebreak', password: 'right-password' });
    try {
      const d = await team.laptop('dora', { sync: { url: guarded.url, user: 'firebreak', password: 'wrong-password' } });
      await vi.waitFor(async () => expect((await status(d)).state).toBe('error'), { timeout: 10000, interval: 50 });
      expect((await status(d)).message).toMatch(/refused the user name or password.*Settings → Team sync/);
      const declared = await call<{ id: string }>(d, 'incidents.declare', { title: 'Login errors', severity: 'SEV3', commander: 'dora' });
      await call(d, 'incidents.addNote', { incidentId: declared.id, text: 'still writing', kind: 'note' });
      expect((await call<IncidentListItem>(d, 'incidents.get', { incidentId: declared.id })).state?.noteCount).toBe(1);
      expect((await status(d)).pendingEvents).toBe(2);
    } finally {
      await guarded.stop();
    }
  });
});

describe('team sync after a crash', () => {
  it('a laptop killed with SIGKILL mid-publish converges after it restarts: every acknowledged note once, the same order everywhere', async () => {
    const b = await laptop('bea');
    await online(b);
    const dataDir = await mkdtemp(join(team.root, 'crashy-'));
    // The writer and the restarted laptop share one vault key (given like a headless deployment would), kept out of the home folder.
    const vaultEnv = { FIREBREAK_VAULT_KEY: randomBytes(32).toString('hex') };
    const run = await runAndKill(join(__dirname, 'testing', 'sync-writer.ts'), [dataDir, team.url], 300, { ...process.env, ...vaultEnv }, 'ready');
    const incidentId = run.lines.find((l) => l.startsWith('ready '))!.slice('ready '.length);
    const acked = run.lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice('ack '.length));
    expect(acked.length).toBeGreaterThan(0);
    const a = await team.laptop('crashy', { dataDir, vault: await openBrowserVault({ dataDir, env: vaultEnv }) });
    await vi.waitFor(async () => {
      expect((await status(a)).pendingEvents).toBe(0);
      expect(ids(b, incidentId).length).toBeGreaterThan(0);
      expect(ids(b, incidentId)).toEqual(ids(a, incidentId));
    }, { timeout: 20000, interval: 50 });
    const seen = notes(b, incidentId);
    for (const text of acked) expect(seen.filter((t) => t === text)).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(await loggedIds(b, incidentId)).size).toBe((await loggedIds(b, incidentId)).length);
  }, 60000);
});

describe('team sync and the outbox', () => {
  it('with two laptops online, each queued Jira comment reaches Jira exactly once', async () => {
    const jira = await new JiraStandIn().start();
    try {
      jira.seedIssue({ key: 'OPS-7', summary: 'Checkout latency' });
      const [e, f] = await Promise.all([laptop('eva'), laptop('finn')]);
      await online(e, f);
      for (const l of [e, f]) await call(l, 'jira.settings.save', { siteUrl: jira.url, email: 'ic@example.com', apiToken: 'jira-token' });
      const { id } = await call<{ id: string }>(e, 'incidents.declare', { title: 'Comments sent once', severity: 'SEV2', commander: 'eva' });
      await vi.waitFor(async () => expect((await call<IncidentListItem[]>(f, 'incidents.list', {})).map((i) => i.id)).toContain(id), { timeout: 5000, interval: 20 });
      await call(e, 'jira.link', { incidentId: id, issueKey: 'OPS-7' });
      await vi.waitFor(async () => expect(await call<unknown[]>(f, 'jira.linked', { incidentId: id })).toHaveLength(1), { timeout: 5000, interval: 20 });
      const texts = ['from eva 1', 'from finn 1', 'from eva 2', 'from finn 2'];
      await Promise.all(texts.map((text) => call(text.includes('eva') ? e : f, 'jira.comment', { incidentId: id, issueKey: 'OPS-7', markdown: text })));
      const sent = () => jira.issues.get('OPS-7')!.comments.map((c) => JSON.stringify(c.body));
      await vi.waitFor(async () => {
        for (const text of texts) expect(sent().filter((body) => body.includes(text))).toHaveLength(1);
        // Both laptops see every comment as sent: the sender's outcome arrived through sync.
        for (const l of [e, f]) expect((await call<{ status: string }[]>(l, 'outbox.list', { incidentId: id })).every((i) => i.status === 'sent')).toBe(true);
      }, { timeout: 20000, interval: 50 });
      expect(sent()).toHaveLength(4);
    } finally {
      await jira.close();
    }
  }, 60000);
});
