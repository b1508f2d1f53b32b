// The automatic final entry: posted once when an incident that published to the page is resolved, caught up by the
// start-up sweep after a stop in between, and recorded (not sent) while the page is not set up.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { projectOutbox } from '../../../shared/outbox/outbox-state';
import type { IncidentEvent } from '../../../shared/events';
import { IncidentStore } from '../store/incident-store';
import { StatusPageService } from './status-page-service';
import { StatusPageSettingsFile } from './status-page-settings-file';

const ID = '2026-03-02-checkout-errors-abc123';
let dataDir: string;
let store: IncidentStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-status-service-'));
  store = await IncidentStore.open(dataDir);
  await store.create(ID, { type: 'incident.declared', actor: 'maya', payload: { title: 'Checkout errors', severity: 'SEV2', commander: 'maya', services: ['checkout'] } });
  await store.append(ID, [{ type: 'update.published', actor: 'maya', payload: { audience: 'customers', channel: 'statuspage', channels: ['statuspage'], text: 'We are looking into it.' } }]);
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

function service() {
  const statusPage = new StatusPageService({ store, settings: new StatusPageSettingsFile(dataDir), catalogue: async () => [], dataDir, operator: () => 'maya' });
  statusPage.attachOutbox(async (incidentId, op, origin) => {
    const [event] = await store.append(incidentId, [{ type: 'outbox.intent_queued', actor: 'maya', payload: { intentKey: `ob_test${Math.random().toString(36).slice(2, 10)}`, operation: op, origin } }]);
    return { intentKey: (event as Extract<IncidentEvent, { type: 'outbox.intent_queued' }>).payload.intentKey };
  });
  return statusPage;
}

const finals = () => store.get(ID).log!.events.filter((e) => e.type === 'update.published' && e.payload.text.startsWith('**Resolved**'));
const deliveries = () => store.get(ID).log!.events.flatMap((e) => (e.type === 'update.delivery_queued' ? [e.payload] : []));

it('the start-up sweep posts an owed final entry once, and queues the publish when the page is set up', async () => {
  // Resolved while nothing was listening (as if Firebreak stopped right after the resolve was written).
  await store.append(ID, [{ type: 'incident.status_changed', actor: 'maya', payload: { from: 'investigating', to: 'resolved' } }]);
  const statusPage = service();
  await statusPage.save({ title: 'Acme status', target: { kind: 'folder', path: join(dataDir, 'site') } });
  await statusPage.sweep();
  await statusPage.sweep();
  expect(finals()).toHaveLength(1);
  expect(finals()[0]!.payload).toMatchObject({ audience: 'customers', channels: ['statuspage'] });
  expect(projectOutbox(ID, store.get(ID).log!.events).map((i) => i.operation)).toEqual([{ kind: 'statuspage.publish', reason: 'final "Resolved" entry' }]);
  expect(deliveries()).toEqual([expect.objectContaining({ channel: 'statuspage', connectorConfigured: true })]);
});

it('records the final entry without sending it while the page is not set up; it appears on the next publish', async () => {
  const statusPage = service();
  await statusPage.refresh();
  store.onAppend((incidentId, events) => statusPage.onAppend(incidentId, events));
  await store.append(ID, [{ type: 'incident.status_changed', actor: 'maya', payload: { from: 'investigating', to: 'resolved' } }]);
  await expect.poll(() => deliveries().length).toBe(1);
  expect(finals()).toHaveLength(1);
  expect(deliveries()[0]).toMatchObject({ connectorConfigured: false, detail: expect.stringContaining('Settings → Status page') });
  expect(projectOutbox(ID, store.get(ID).log!.events)).toEqual([]);
  await expect(statusPage.publish('now')).rejects.toThrow(/not set up yet/);
});
