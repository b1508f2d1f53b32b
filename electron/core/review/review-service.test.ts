// The review draft of review.get streams the log (the state and decisions in one chunked pass, the events the draft reads in
// another) instead of log.events: the draft equals generateReviewDraft over the whole log, on the demo incident and on
// synthetic long incidents read mostly from the file, and the request never reads log.events.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NewEvent } from '../../../shared/events';
import { seededRandom, syntheticLog } from '../../../shared/playback/synthetic-log';
import { generateReviewDraft } from '../../../shared/review/review-draft';
import { DEMO_INCIDENT_ID, seedDemoIncident } from '../demo/seed-demo';
import { IncidentStore } from '../store/incident-store';
import { ReviewService } from './review-service';

let dataDir: string;
let store: IncidentStore;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fb-review-'));
});
afterEach(async () => {
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const service = () =>
  new ReviewService(store, { operator: () => 'ana', appVersion: 'test', rendererDir: dataDir, onImported: () => undefined, identity: undefined as never, trust: undefined as never });

/** review.get with a spy on log.events, which must stay uncalled; answers the draft and the whole log read afterwards. */
function draftWithoutWholeReads(id: string) {
  const log = store.get(id).log!;
  const reads = vi.spyOn(Object.getPrototypeOf(log) as typeof log, 'events', 'get');
  const answer = service().get({ incidentId: id });
  expect(reads).not.toHaveBeenCalled();
  reads.mockRestore();
  return { answer, whole: log.events };
}

describe('review.get', () => {
  it('drafts the demo incident as generateReviewDraft over the whole log does, with the saved text, without reading the whole log', async () => {
    await seedDemoIncident(dataDir, join(__dirname, '..', '..', '..', 'assets'));
    store = await IncidentStore.open(dataDir, { hotEvents: 8 });
    const { answer, whole } = draftWithoutWholeReads(DEMO_INCIDENT_ID);
    expect(answer.generated).toBe(generateReviewDraft(DEMO_INCIDENT_ID, whole));
    const saved = whole.findLast((e) => e.type === 'review.saved');
    expect(answer.saved?.markdown).toBe(saved?.type === 'review.saved' ? saved.payload.markdown : undefined);
    expect(answer.generated).toContain('## Timeline of decisions');
  });

  it.each([1, 2, 3, 4])('drafts synthetic long incident %i (mostly read back from the file) as the whole log does', async (seed) => {
    store = await IncidentStore.open(dataDir, { hotEvents: 64 });
    const id = `2026-01-01-synthetic-${seed}abc12`;
    const [declared, ...rest] = syntheticLog({ count: 1500, random: seededRandom(seed), weights: { metric: 40, note: 30, classify: 12, alert: 8 } });
    const asNew = (e: typeof declared): NewEvent => ({ type: e!.type, actor: e!.actor, ts: e!.ts, payload: e!.payload }) as NewEvent;
    await store.create(id, asNew(declared) as Parameters<IncidentStore['create']>[1]);
    for (let i = 0; i < rest.length; i += 250) await store.append(id, rest.slice(i, i + 250).map(asNew));
    await store.append(id, [{ type: 'review.saved', actor: 'ana', payload: { markdown: '# Edited review' } }]);
    const { answer, whole } = draftWithoutWholeReads(id);
    expect(answer.generated).toBe(generateReviewDraft(id, whole));
    expect(answer.saved?.markdown).toBe('# Edited review');
    // The synthetic log reaches what the kept events must carry: notes marked as decisions after the fact, and hypotheses.
    expect(answer.generated).toMatch(/## Contributing factors\n- /);
    expect(answer.generated).toMatch(/## Timeline of decisions\n- /);
  });
});
