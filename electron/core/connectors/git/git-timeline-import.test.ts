// Tests for importing the deploy branch's history into an incident: window, git.commit/git.tag events, dedupe by sha.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toTimelineEntry } from '../../../../shared/timeline/describe-event';
import { ServiceCatalogue } from '../../services/service-catalogue';
import { IncidentStore } from '../../store/incident-store';
import { deployHistoryFixture } from './deploy-history.fixture.test-support';
import { importGitTimeline, knownGitRefsProjection } from './git-timeline-import';

const fx = deployHistoryFixture();
const ID = '2026-03-01-payments-down-abc123';
let dataDir: string;
let store: IncidentStore;
let catalogue: ServiceCatalogue;

beforeAll(async () => {
  fx.build();
  dataDir = await mkdtemp(join(tmpdir(), 'fb-git-import-'));
  store = await IncidentStore.open(dataDir);
  await store.create(ID, { type: 'incident.declared', actor: 'ines', ts: '2026-03-01T12:30:00.000Z', payload: { title: 'Payments down', severity: 'SEV1', commander: 'ines', services: ['payments'] } });
  catalogue = ServiceCatalogue.inDataDir(dataDir);
  await catalogue.put({ name: 'payments', git: { clonePath: fx.repos.clone }, deploy: { branch: 'main', releaseTagPattern: 'v*' } });
});
afterAll(async () => {
  await store.close();
  fx.repos.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

describe('importGitTimeline', () => {
  it('imports commits in the window oldest first with their commit time, with tags, once per sha', async () => {
    const input = { incidentId: ID, service: 'payments', since: '2026-03-01T10:00:00.000Z', until: '2026-03-01T13:00:00.000Z' };
    const first = await importGitTimeline(store, catalogue, 'ines', input);
    expect(first).toMatchObject({ ref: 'refs/heads/main', imported: 3, alreadyOnTimeline: 0, tagsImported: 1 });
    const events = store.get(ID).log!.events.slice(1);
    // The commit date is when it happened; the envelope's ts is when it reached the timeline.
    expect(events.every((e) => e.ts > '2026-03-01T12:30:00.000Z')).toBe(true);
    expect(events.map((e) => [e.type, e.type === 'git.commit' || e.type === 'git.tag' ? e.payload.committedAt : undefined])).toEqual([
      ['git.commit', '2026-03-01T11:00:00.000Z'],
      ['git.commit', '2026-03-01T11:30:00.000Z'],
      ['git.commit', '2026-03-01T12:00:00.000Z'],
      ['git.tag', '2026-03-01T12:00:00.000Z'],
    ]);
    expect(toTimelineEntry(events[0]!).text).toBe(`payments@main ${fx.shas.direct.slice(0, 8)} Dana Dev: PAY-12 raise cache TTL (OPS-3)`);
    expect(toTimelineEntry(events[3]!).text).toContain('tagged v1.2.0');
    const again = await importGitTimeline(store, catalogue, 'ines', input);
    expect(again).toMatchObject({ imported: 0, alreadyOnTimeline: 3, tagsImported: 0 });
    expect(store.get(ID).log!.events).toHaveLength(5);
  });

  it('defaults the window to six hours before the declaration until now, and rejects an empty window', async () => {
    const result = await importGitTimeline(store, catalogue, 'ines', { incidentId: ID, service: 'payments' }, () => new Date('2026-03-01T14:00:00Z'));
    expect(result).toMatchObject({ since: '2026-03-01T06:30:00.000Z', until: '2026-03-01T14:00:00.000Z', imported: 2 });
    await expect(importGitTimeline(store, catalogue, 'ines', { incidentId: ID, service: 'payments', since: '2026-03-02T00:00:00.000Z', until: '2026-03-01T00:00:00.000Z' })).rejects.toThrow('The window is empty');
  });
});

describe('what is already on the timeline', () => {
  it('comes from an incremental projection equal to the whole-log scan, and an import never reads the whole log', async () => {
    const log = store.get(ID).log!;
    const reads = vi.spyOn(Object.getPrototypeOf(log) as typeof log, 'events', 'get');
    const result = await importGitTimeline(store, catalogue, 'ines', { incidentId: ID, service: 'payments', since: '2026-03-01T10:00:00.000Z', until: '2026-03-01T13:00:00.000Z' });
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    expect(result).toMatchObject({ imported: 0, tagsImported: 0 });
    const events = log.events;
    const known = store.projection(ID, knownGitRefsProjection);
    expect(known.shas).toEqual(new Set(events.flatMap((e) => (e.type === 'git.commit' ? [e.payload.sha] : []))));
    expect(known.tags).toEqual(new Set(events.flatMap((e) => (e.type === 'git.tag' ? [`${e.payload.tag}@${e.payload.sha}`] : []))));
    expect(known.shas.size).toBeGreaterThan(0);
    expect(known.tags.size).toBeGreaterThan(0);
  });
});
