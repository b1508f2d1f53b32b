// runbooks.alertOffers through the router (inputs and answers checked against the contract): the incident's alerts' runbook
// links matched to the library, the attached ones left out, and each request folding only the events appended since the last.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NewEvent } from '../../../shared/events';
import { alertRunbookLinksProjection } from '../../../shared/projections/domain-projections';
import type { Result } from '../../../shared/result';
import { IncidentService } from '../incidents/incident-service';
import { createRouter, withOutputChecks, type Handlers, type Router } from '../ipc/router';
import { IncidentStore } from '../store/incident-store';
import { ChecklistService } from './checklist-service';
import { runbookHandlers } from './runbook-handlers';
import { RunbookLibrary } from './runbook-library';

const assetsDir = resolve(__dirname, '..', '..', '..', 'assets');
let dataDir: string;
let store: IncidentStore;
let router: Router;

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = (await router.dispatch(channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function open() {
  store = await IncidentStore.open(dataDir);
  const library = await RunbookLibrary.open({ dataDir, assetsDir });
  router = withOutputChecks(createRouter(runbookHandlers(library, new ChecklistService(store, library, () => 'ana')) as Handlers), undefined, true);
  return new IncidentService(store, () => 'ana');
}

const fired = (alertname: string, runbook_url?: string): NewEvent =>
  ({ type: 'alert.fired', actor: 'alertmanager', payload: { alertname, summary: `${alertname} is firing`, labels: {}, ...(runbook_url ? { annotations: { runbook_url } } : {}) } }) as NewEvent;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-alert-offers-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('runbooks.alertOffers', () => {
  it('offers the library runbooks the alerts link to, first alert first, until each is attached', async () => {
    const incidents = await open();
    const { id } = await incidents.declare({ title: 'Checkout errors', severity: 'SEV2', commander: 'ana', services: ['checkout-api'] });
    expect(await call('runbooks.alertOffers', { incidentId: id })).toEqual({ offers: [] });

    await store.append(id, [
      fired('NoLink'),
      fired('Unknown', 'https://runbooks.example/not-in-the-library'),
      fired('TrafficSpike', 'https://git.example/sre/runbooks/blob/main/traffic-spike.md'),
      fired('BadDeploy', 'https://wiki.example/runbooks/Bad-Deploy/?from=alert'),
      fired('TrafficSpikeAgain', 'https://other.example/traffic-spike'),
    ]);
    const { offers } = await call<{ offers: { runbookId: string; title: string; alertname: string; url: string }[] }>('runbooks.alertOffers', { incidentId: id });
    expect(offers.map((o) => [o.runbookId, o.alertname, o.url])).toEqual([
      ['local/traffic-spike', 'TrafficSpike', 'https://git.example/sre/runbooks/blob/main/traffic-spike.md'],
      ['local/bad-deploy', 'BadDeploy', 'https://wiki.example/runbooks/Bad-Deploy/?from=alert'],
    ]);
    expect(offers[1]!.title).toMatch(/^Bad deploy/);

    await call('runbooks.attach', { incidentId: id, runbookId: 'local/traffic-spike' });
    expect((await call<{ offers: { runbookId: string }[] }>('runbooks.alertOffers', { incidentId: id })).offers.map((o) => o.runbookId)).toEqual(['local/bad-deploy']);

    // The same answer from a fold of the log read back after a restart.
    await store.close();
    await open();
    expect((await call<{ offers: { runbookId: string }[] }>('runbooks.alertOffers', { incidentId: id })).offers.map((o) => o.runbookId)).toEqual(['local/bad-deploy']);
  });

  it('folds only the events appended since the previous request', async () => {
    const incidents = await open();
    const { id } = await incidents.declare({ title: 'Noisy', severity: 'SEV3', commander: 'ana', services: [] });
    await store.append(id, Array.from({ length: 200 }, (_, i) => fired(`Alert${i}`, i === 150 ? 'https://runbooks.example/database-saturation.md' : undefined)));
    const folded = vi.spyOn(alertRunbookLinksProjection, 'apply');
    expect((await call<{ offers: unknown[] }>('runbooks.alertOffers', { incidentId: id })).offers).toHaveLength(1);
    const first = folded.mock.calls.length;
    expect(first).toBe(store.get(id).log!.lastSeq);

    await store.append(id, [fired('Certs', 'https://runbooks.example/certificate-expiry')]);
    const { offers } = await call<{ offers: { runbookId: string }[] }>('runbooks.alertOffers', { incidentId: id });
    expect(offers.map((o) => o.runbookId)).toEqual(['local/database-saturation', 'local/certificate-expiry']);
    expect(folded.mock.calls.length - first).toBe(1);
    await call('runbooks.alertOffers', { incidentId: id });
    expect(folded.mock.calls.length - first).toBe(1);
  });

  it('refuses an unknown incident', async () => {
    await open();
    await expect(call('runbooks.alertOffers', { incidentId: 'no-such-incident' })).rejects.toThrow(/not_found/);
  });
});
