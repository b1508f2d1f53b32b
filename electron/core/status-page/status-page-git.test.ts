// Integration: a customers update published to the status page goes through the real outbox and git connector into a real
// bare repository; resolving posts the final entry; internal notes never reach the committed files.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectOutbox } from '../../../shared/outbox/outbox-state';
import type { ConnectorSettings } from '../connectors/connector-settings';
import { scriptedRepos, type ScriptedRepos } from '../connectors/git/scripted-repos.test-support';
import { ConnectorDispatch } from '../outbox/outbox-dispatch';
import { OutboxService } from '../outbox/outbox-service';
import { OutboxUpdateDelivery } from '../outbox/outbox-update-delivery';
import { OutboxWorker } from '../outbox/outbox-worker';
import { IncidentStore } from '../store/incident-store';
import { CadencePolicyFile } from '../updates/cadence-policy-file';
import { UpdateTemplateFiles } from '../updates/template-files';
import { UpdateService } from '../updates/update-service';
import { StatusPageService } from './status-page-service';
import { StatusPageSettingsFile } from './status-page-settings-file';
import { writePageToGit, type PageFile } from './status-page-writer';

const ID = '2026-03-02-checkout-errors-abc123';
const MARKER = 'ZQX-internal-9917';
let dataDir: string;
let repos: ScriptedRepos;
let store: IncidentStore;
let worker: OutboxWorker;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-status-git-'));
  repos = scriptedRepos();
  // The branch already serves something else too (a custom domain file), which publishing must keep.
  repos.commit('Custom domain', 'CNAME', 'status.example.com\n', '2026-03-01T00:00:00Z');
  repos.push('gh-pages');
  store = await IncidentStore.open(dataDir);
  await store.create(ID, { type: 'incident.declared', actor: 'maya', payload: { title: 'Checkout errors', severity: 'SEV1', commander: 'maya', services: ['checkout'] } });
});
afterEach(async () => {
  await worker?.stop();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
  repos.cleanup();
});

function wire() {
  const statusPage = new StatusPageService({ store, settings: new StatusPageSettingsFile(dataDir), catalogue: async () => ['search'], dataDir, operator: () => 'maya' });
  // The status page needs no Jira/PagerDuty settings; nothing here reads them.
  worker = new OutboxWorker(store, new ConnectorDispatch({} as ConnectorSettings, () => 'firebreak', statusPage), () => 'firebreak', { backoff: { baseDelayMs: 10, maxDelayMs: 50 } });
  const outbox = new OutboxService(store, worker, () => 'maya');
  statusPage.attachOutbox((incidentId, op, origin) => outbox.queue(incidentId, op, origin));
  store.onAppend((incidentId, events) => statusPage.onAppend(incidentId, events));
  const updates = new UpdateService({
    store,
    templates: new UpdateTemplateFiles(dataDir, join(__dirname, '..', '..', '..', 'assets')),
    policy: new CadencePolicyFile(dataDir),
    delivery: new OutboxUpdateDelivery(store, outbox, () => ({ jira: false, pagerduty: false }), statusPage),
    operator: () => 'maya',
  });
  worker.start();
  return { statusPage, updates };
}

const sentCount = () => projectOutbox(ID, store.get(ID).log!.events).filter((i) => i.operation.kind === 'statuspage.publish' && i.status === 'sent').length;
const onBranch = (file: string) => repos.git(repos.bare, 'show', `gh-pages:${file}`);

describe('status page on a git branch', () => {
  it('commits the three files through the outbox, keeps other files, and adds the final Resolved entry on resolve', async () => {
    const { statusPage, updates } = wire();
    await statusPage.save({ title: 'Acme status', target: { kind: 'git', remoteUrl: repos.bare, branch: 'gh-pages' } });
    await store.append(ID, [{ type: 'note.added', actor: 'maya', payload: { text: `Hypothesis ${MARKER}: pool exhausted`, kind: 'hypothesis' } }]);

    const source = '**{{status}}** — {{title}}\n\nSome card payments fail.';
    const preview = await updates.render(ID, 'customers', source);
    const published = await updates.publish({ incidentId: ID, audience: 'customers', source, channels: ['statuspage'], format: 'markdown', renderedAt: preview.renderedAt, expectedText: preview.text! });
    expect(published.deliveries).toEqual([expect.objectContaining({ channel: 'statuspage', state: 'queued' })]);
    await expect.poll(sentCount, { timeout: 20_000 }).toBe(1);

    expect(onBranch('CNAME')).toBe('status.example.com');
    expect(onBranch('index.html')).toContain('Some card payments fail.');
    expect(JSON.parse(onBranch('summary.json')).incidents[0].name).toBe('Checkout errors');
    for (const file of ['index.html', 'feed.xml', 'summary.json']) expect(onBranch(file)).not.toContain(MARKER);
    expect(repos.git(repos.bare, 'log', '-1', '--format=%an: %s', 'gh-pages')).toMatch(/^Firebreak status page: Status page: customers update pub-/);

    await store.append(ID, [{ type: 'incident.status_changed', actor: 'maya', payload: { from: 'investigating', to: 'resolved' } }]);
    await expect.poll(sentCount, { timeout: 20_000 }).toBe(2);
    const summary = JSON.parse(onBranch('summary.json'));
    expect(summary.incidents).toEqual([]);
    expect(summary.history[0].incident_updates.map((u: { status: string }) => u.status)).toEqual(['resolved', 'investigating']);
    expect(onBranch('feed.xml')).toContain('This incident has been resolved');
    // Exactly one final entry, recorded as a customers update to the status page.
    const finals = store.get(ID).log!.events.filter((e) => e.type === 'update.published' && e.payload.text.startsWith('**Resolved**'));
    expect(finals).toHaveLength(1);
  });

  it('refuses to send an update for another audience to the status page', async () => {
    const { statusPage, updates } = wire();
    await statusPage.save({ title: 'Acme status', target: { kind: 'git', remoteUrl: repos.bare, branch: 'gh-pages' } });
    const preview = await updates.render(ID, 'executives', 'Exec text');
    await expect(
      updates.publish({ incidentId: ID, audience: 'executives', source: 'Exec text', channels: ['statuspage'], format: 'markdown', renderedAt: preview.renderedAt, expectedText: preview.text! }),
    ).rejects.toThrow(/Only updates to customers/);
    expect((await updates.draft(ID, 'executives')).channels.map((c) => c.channel)).not.toContain('statuspage');
    expect((await updates.draft(ID, 'customers')).channels.map((c) => c.channel)).toContain('statuspage');
  });
});

describe('writePageToGit', () => {
  const files = (text: string): PageFile[] => [
    { name: 'index.html', content: `<p>${text}</p>` },
    { name: 'feed.xml', content: '<feed/>' },
    { name: 'summary.json', content: '{}' },
  ];

  it('creates a missing branch, makes no empty commit, and recovers from a concurrent push on the next attempt', async () => {
    const work = join(dataDir, 'work');
    const first = await writePageToGit(work, repos.bare, 'status', files('one'), 'first');
    expect(first.changed).toBe(true);
    expect(repos.git(repos.bare, 'show', 'status:index.html')).toBe('<p>one</p>');
    expect(await writePageToGit(work, repos.bare, 'status', files('one'), 'again')).toMatchObject({ changed: false, commit: first.commit });

    // A colleague pushes to the branch in between: our next publish builds on top of it instead of overwriting it.
    const other = repos.otherClone();
    repos.git(other, 'fetch', '--quiet', 'origin', 'status');
    repos.git(other, 'checkout', '--quiet', '-b', 'status', 'origin/status');
    repos.commit('Add robots.txt', 'robots.txt', 'User-agent: *\n', '2026-03-02T00:00:00Z', other);
    repos.push('status', other);
    const second = await writePageToGit(work, repos.bare, 'status', files('two'), 'second');
    expect(second.changed).toBe(true);
    expect(repos.git(repos.bare, 'show', 'status:index.html')).toBe('<p>two</p>');
    expect(repos.git(repos.bare, 'show', 'status:robots.txt')).toBe('User-agent: *');
  });

  it('fails with a retryable error when the remote cannot be reached', async () => {
    await expect(writePageToGit(join(dataDir, 'work'), join(dataDir, 'missing.git'), 'main', files('x'), 'x')).rejects.toMatchObject({ code: 'unavailable' });
  });
});
