// The background git poller: open incidents get their services' deploy history on the timeline once, failures reported once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ServiceCatalogue } from '../../services/service-catalogue';
import { IncidentStore } from '../../store/incident-store';
import { deployHistoryFixture } from './deploy-history.fixture.test-support';
import { GitTimelinePoller } from './git-timeline-poller';

const fx = deployHistoryFixture();
const OPEN = '2026-03-01-payments-down-abc123';
let dataDir: string;
let store: IncidentStore;
let catalogue: ServiceCatalogue;

beforeAll(async () => {
  fx.build();
  dataDir = await mkdtemp(join(tmpdir(), 'fb-git-poll-'));
  store = await IncidentStore.open(dataDir);
  await store.create(OPEN, { type: 'incident.declared', actor: 'ines', ts: '2026-03-01T12:30:00.000Z', payload: { title: 'Payments down', severity: 'SEV1', commander: 'ines', services: ['payments', 'ledger'] } });
  catalogue = ServiceCatalogue.inDataDir(dataDir);
  await catalogue.put({ name: 'payments', git: { clonePath: fx.repos.clone }, deploy: { branch: 'main', releaseTagPattern: 'v*' } });
  await catalogue.put({ name: 'ledger', git: { clonePath: join(dataDir, 'no-such-clone') }, deploy: { branch: 'main' } });
});
afterAll(async () => {
  await store.close();
  fx.repos.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

it('imports the deploy history of open incidents once, and reports a broken repository once', async () => {
  const errors: string[] = [];
  const poller = new GitTimelinePoller({
    store,
    catalogue,
    operator: () => 'firebreak',
    openIncidents: () => [{ id: OPEN, services: ['payments', 'ledger'] }],
    reportError: (area) => errors.push(area),
    now: () => new Date('2026-03-01T14:00:00Z'),
  });
  const first = await poller.tick();
  expect(first).toBeGreaterThan(0);
  const types = store.get(OPEN).log!.events.map((e) => e.type);
  expect(types.filter((t) => t === 'git.commit').length).toBeGreaterThan(0);
  expect(await poller.tick()).toBe(0);
  expect(store.get(OPEN).log!.events.map((e) => e.type)).toEqual(types);
  expect(errors).toEqual([`git history for ledger in ${OPEN}`]);
  await poller.stop();
});
