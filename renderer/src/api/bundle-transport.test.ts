// A review bundle is read-only by design: it serves only projections of its events, validates inputs with the contract,
// and its palette offers no command that would change anything.
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import { createRouter } from '../../../shared/ipc/router';
import { fail } from '../../../shared/result';
import { buildCommands } from '../palette/commands';
import { bundleHandlers } from './bundle-transport';

const ID = 'demo-checkout-latency-outage';
const events = [
  { v: 1, seq: 1, ts: '2026-03-14T09:12:00.000Z', actor: 'maya', type: 'incident.declared', payload: { title: 'Checkout latency', severity: 'SEV1', commander: 'maya', services: ['checkout-api'] } },
  { v: 1, seq: 2, ts: '2026-03-14T09:13:00.000Z', actor: 'maya', type: 'note.added', payload: { text: 'Error rate at 8%', kind: 'observation' } },
  { v: 1, seq: 4, ts: '2026-03-14T09:14:00.000Z', actor: 'maya', type: 'note.added', payload: { text: 'Rolling back', kind: 'decision' } },
] as unknown as IncidentEvent[];
const handlers = bundleHandlers({ bundle: { incident: { id: ID } } as never, events, problems: [] });
const router = createRouter(handlers, undefined, () => fail('unavailable', 'read-only'));

describe('the review-bundle transport', () => {
  it('pages the timeline with the same logic as the core, after a sequence number', async () => {
    const page = await router.dispatch('timeline.events', { incidentId: ID, afterSeq: 1, limit: 1 });
    expect(page).toEqual({ ok: true, value: { events: [events[1]], lastSeq: 4, hasMore: true } });
  });

  it('validates inputs against the contract instead of trusting them', async () => {
    const bad = await router.dispatch('timeline.events', { incidentId: ID, afterSeq: -5 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    const other = await router.dispatch('incidents.get', { incidentId: 'some-other-incident' });
    expect(other).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('serves no channel that changes data', async () => {
    for (const channel of ['incidents.addNote', 'incidents.changeStatus', 'jira.settings.get', 'review.save', 'outbox.retry'] as const) {
      expect(handlers[channel]).toBeUndefined();
    }
    expect(await router.dispatch('incidents.addNote', { incidentId: ID, text: 'x' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('offers only read-only commands in the palette', async () => {
    const list = await router.dispatch('incidents.list', {});
    expect(list.ok).toBe(true);
    const items = (list as { value: Parameters<typeof buildCommands>[0] }).value;
    const labels = buildCommands(items, ID, (c) => c in handlers).map((c) => c.label);
    // Reading and replaying only: the time zone, the keyboard help, the review, playback and the pane jumps.
    expect(labels.filter((l) => !/^Go to .* pane$/.test(l))).toEqual(['Show times in local time', 'Keyboard shortcuts', 'Post-incident review…', 'Start playback']);
    const live = buildCommands(items, ID).map((c) => c.label);
    expect(live).toEqual(expect.arrayContaining(['Declare incident…', 'Add note…', 'Change severity…']));
  });
});
