// Integration: publishing through the real outbox adapter queues a Jira comment intent on the linked ticket, and says why when it cannot.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { projectOutbox } from '../../../shared/outbox/outbox-state';
import { OutboxService } from '../outbox/outbox-service';
import { OutboxUpdateDelivery } from '../outbox/outbox-update-delivery';
import type { OutboxWorker } from '../outbox/outbox-worker';
import { IncidentStore } from '../store/incident-store';
import { CadencePolicyFile } from './cadence-policy-file';
import { UpdateTemplateFiles } from './template-files';
import { UpdateService } from './update-service';

const ID = '2026-11-25-checkout-latency-abc123';
let dataDir: string;
let store: IncidentStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-updates-outbox-'));
  store = await IncidentStore.open(dataDir);
  await store.create(ID, { type: 'incident.declared', actor: 'maya', payload: { title: 'Checkout latency', severity: 'SEV1', commander: 'maya', services: [] } });
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

function service(configured: { jira: boolean; pagerduty: boolean }) {
  // queue() only records the intent; the worker that would send it is not needed to check what gets queued.
  // A worker that never sends: queued items carry no attempts of its own.
  const outbox = new OutboxService(store, { withAttempts: (item) => item } as Pick<OutboxWorker, 'withAttempts'> as OutboxWorker, () => 'maya');
  return new UpdateService({
    store,
    templates: new UpdateTemplateFiles(dataDir, join(__dirname, '..', '..', '..', 'assets')),
    policy: new CadencePolicyFile(dataDir),
    delivery: new OutboxUpdateDelivery(store, outbox, () => configured),
    operator: () => 'maya',
  });
}

async function publish(updates: UpdateService, channels: ('jira' | 'pagerduty')[]) {
  const preview = await updates.render(ID, 'executives', '**{{severity}}** {{title}}');
  return updates.publish({ incidentId: ID, audience: 'executives', source: '**{{severity}}** {{title}}', channels, format: 'markdown', renderedAt: preview.renderedAt, expectedText: preview.text! });
}

it('queues a Jira comment with the update Markdown on the linked incident ticket', async () => {
  await store.append(ID, [{ type: 'jira.issue_linked', actor: 'maya', payload: { issueKey: 'OPS-42', summary: 'Checkout latency', status: 'Open', url: 'https://example.atlassian.net/browse/OPS-42', created: false } }]);
  const result = await publish(service({ jira: true, pagerduty: false }), ['jira']);
  const [item] = projectOutbox(ID, store.get(ID).log!.events);
  expect(item).toMatchObject({ status: 'pending', operation: { kind: 'jira.comment', issueKey: 'OPS-42', markdown: '**SEV1** Checkout latency' } });
  expect(result.deliveries).toEqual([{ channel: 'jira', state: 'queued', outboxId: item!.intentKey, detail: expect.stringContaining('outbox') }]);
  expect(store.get(ID).log!.events.at(-1)).toMatchObject({ type: 'update.delivery_queued', payload: { connectorConfigured: true, outboxId: item!.intentKey } });
  const draft = await service({ jira: true, pagerduty: false }).draft(ID, 'executives');
  expect(draft.previous?.deliveries).toEqual([{ channel: 'jira', state: 'pending', detail: 'Comment on OPS-42: SEV1 Checkout latency' }]);
});

it('records the intent but sends nothing when the incident has no PagerDuty incident to post on', async () => {
  const result = await publish(service({ jira: true, pagerduty: true }), ['pagerduty']);
  expect(result.deliveries).toMatchObject([{ channel: 'pagerduty', state: 'not_configured', detail: expect.stringContaining('No PagerDuty incident is linked') }]);
  expect(projectOutbox(ID, store.get(ID).log!.events)).toEqual([]);
  expect(store.get(ID).log!.events.at(-1)).toMatchObject({ type: 'update.delivery_queued', payload: { channel: 'pagerduty', connectorConfigured: false } });
  const draft = await service({ jira: true, pagerduty: true }).draft(ID, 'executives');
  expect(draft.previous?.deliveries).toMatchObject([{ channel: 'pagerduty', state: 'not_sent' }]);
});

it('queues a PagerDuty status update as the pipeline\'s plain text: no Markdown markup, the table as visible rows', async () => {
  await store.append(ID, [{ type: 'pagerduty.incident_linked', actor: 'maya', payload: { pdIncidentId: 'PD123', title: 'Checkout latency', status: 'triggered' } }]);
  const updates = service({ jira: false, pagerduty: true });
  const source = '**{{severity}}** {{title}}\n\n| Service | Status |\n| --- | --- |\n| checkout | degraded |';
  const preview = await updates.render(ID, 'executives', source);
  await updates.publish({ incidentId: ID, audience: 'executives', source, channels: ['pagerduty'], format: 'markdown', renderedAt: preview.renderedAt, expectedText: preview.text! });
  const [item] = projectOutbox(ID, store.get(ID).log!.events);
  expect(item).toMatchObject({ operation: { kind: 'pagerduty.status_update', pdIncidentId: 'PD123', message: 'SEV1 Checkout latency\n\nService  | Status\n---------|---------\ncheckout | degraded' } });
});
