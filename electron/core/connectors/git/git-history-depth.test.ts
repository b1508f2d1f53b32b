// Deploy history older than six hours, in a real git repository: declaring reaches back to the last two releases whatever
// their age, and the background poller brings a new tag within its configured interval (not minutes later).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncidentEvent } from '../../../../shared/events';
import { ServiceCatalogue } from '../../services/service-catalogue';
import { IncidentStore } from '../../store/incident-store';
import { importGitTimeline } from './git-timeline-import';
import { GitTimelinePoller } from './git-timeline-poller';
import { scriptedRepos } from './scripted-repos.test-support';

const HOUR = 3_600_000;
const declaredAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 10 * 60_000);
const ago = (ms: number) => new Date(declaredAt.getTime() - ms).toISOString();
const repos = scriptedRepos();
const ID = '2026-03-01-checkout-down-def456';
let dataDir: string;
let store: IncidentStore;
let catalogue: ServiceCatalogue;
const tagsOn = (): string[] => store.get(ID).log!.events.flatMap((e: IncidentEvent) => (e.type === 'git.tag' ? [e.payload.tag] : []));

beforeAll(async () => {
  repos.commit('PAY-1 first release', 'app.txt', 'v1.0\n', ago(72 * HOUR));
  repos.push();
  repos.tag('v1.0.0', repos.remoteSha());
  repos.commit('PAY-2 second release', 'app.txt', 'v1.1\n', ago(48 * HOUR));
  repos.push();
  repos.tag('v1.1.0', repos.remoteSha());
  repos.commit('PAY-3 faster search', 'app.txt', 'v1.2\n', ago(26 * HOUR));
  repos.push();
  repos.tag('v1.2.0', repos.remoteSha());
  repos.commit('PAY-4 unrelated docs', 'docs.txt', 'docs\n', ago(25 * HOUR));
  repos.commit('PAY-42 retry payments twice', 'app.txt', 'v1.3\n', ago(9 * HOUR));
  repos.push();
  repos.tag('v1.3.0', repos.remoteSha());
  repos.tag('nightly-1', repos.remoteSha());
  dataDir = await mkdtemp(join(tmpdir(), 'fb-git-depth-'));
  store = await IncidentStore.open(dataDir);
  await store.create(ID, { type: 'incident.declared', actor: 'ines', ts: declaredAt.toISOString(), payload: { title: 'Checkout down', severity: 'SEV1', commander: 'ines', services: ['checkout'] } });
  catalogue = ServiceCatalogue.inDataDir(dataDir);
  await catalogue.put({ name: 'checkout', git: { clonePath: repos.clone }, deploy: { branch: 'main', releaseTagPattern: 'v*' } });
});
afterAll(async () => {
  await store.close();
  repos.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

describe('deploy history older than six hours', () => {
  it('reaches back to the last two releases before the declaration, whatever their age', async () => {
    const result = await importGitTimeline(store, catalogue, 'firebreak', { incidentId: ID, service: 'checkout' });
    expect(Date.parse(result.since)).toBeLessThanOrEqual(Date.parse(ago(26 * HOUR)));
    expect(Date.parse(result.since)).toBeGreaterThan(Date.parse(ago(48 * HOUR)));
    expect(tagsOn().sort()).toEqual(['nightly-1', 'v1.2.0', 'v1.3.0']);
    const commits = store.get(ID).log!.events.flatMap((e) => (e.type === 'git.commit' ? [e.payload.message] : []));
    expect(commits).toEqual(['PAY-3 faster search', 'PAY-4 unrelated docs', 'PAY-42 retry payments twice']);
    const v12 = store.get(ID).log!.events.find((e) => e.type === 'git.tag' && e.payload.tag === 'v1.2.0');
    expect(v12?.type === 'git.tag' && v12.payload.committedAt).toBe(ago(26 * HOUR));
  });

  it('an explicit range picked by the user goes further back', async () => {
    await importGitTimeline(store, catalogue, 'firebreak', { incidentId: ID, service: 'checkout', since: ago(80 * HOUR) });
    expect(tagsOn().sort()).toEqual(['nightly-1', 'v1.0.0', 'v1.1.0', 'v1.2.0', 'v1.3.0']);
  });

  it('brings a new tag within the configured interval', async () => {
    await writeFile(join(dataDir, 'services.json'), JSON.stringify({ services: await catalogue.list(), historyPollSeconds: 5 }));
    const poller = new GitTimelinePoller({ store, catalogue, operator: () => 'firebreak', openIncidents: () => [{ id: ID, services: ['checkout'] }], reportError: (area, e) => console.error(area, e) });
    try {
      poller.start();
      await poller.tick();
      repos.commit('PAY-43 hot-fix retries', 'app.txt', 'v1.3.1\n', new Date().toISOString());
      repos.push();
      repos.tag('v1.3.1', repos.remoteSha());
      const pushedAt = Date.now();
      // One 5 s interval plus the pass itself; the old 120 s poll could never meet this.
      await vi.waitFor(() => expect(tagsOn()).toContain('v1.3.1'), { timeout: 60_000, interval: 200 });
      expect(Date.now() - pushedAt).toBeLessThan(30_000);
    } finally {
      await poller.stop();
    }
  }, 90_000);
});
