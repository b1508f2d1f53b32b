// Test support: a data dir with one declared incident, a service catalogue and a rollback service over scripted git repos.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncidentEvent } from '../../../shared/events';
import { scriptedRepos, type ScriptedRepos } from '../connectors/git/scripted-repos.test-support';
import { ServiceCatalogue } from '../services/service-catalogue';
import { IncidentStore } from '../store/incident-store';
import { RollbackService, type RollbackServiceDeps } from './rollback-service';

export const INCIDENT = '2026-03-01-checkout-errors-abc123';

export interface RollbackFixture {
  repos: ScriptedRepos;
  store: IncidentStore;
  catalogue: ServiceCatalogue;
  rollbacks: RollbackService;
  shas: { v1: string; bad1: string; bad2: string };
  events(): IncidentEvent[];
  cleanup(): Promise<void>;
}

/** main: v1.0.0 ← "PAY-1 …" ← "PAY-2 …" (tagged v1.1.0), pushed to a bare origin. */
export async function rollbackFixture(deps: Partial<RollbackServiceDeps> = {}, serviceExtras: Record<string, unknown> = {}): Promise<RollbackFixture> {
  const repos = scriptedRepos();
  const v1 = repos.commit('release 1.0', 'app.txt', 'version=1\n', '2026-03-01T08:00:00Z');
  repos.push();
  repos.tag('v1.0.0', v1);
  const bad1 = repos.commit('PAY-1 switch payment provider', 'provider.txt', 'provider=new\n', '2026-03-01T09:00:00Z');
  const bad2 = repos.commit('PAY-2 raise timeout', 'app.txt', 'version=1\ntimeout=30\n', '2026-03-01T09:30:00Z');
  repos.push();
  repos.tag('v1.1.0', bad2);
  const dataDir = await mkdtemp(join(tmpdir(), 'fb-rollback-data-'));
  const store = await IncidentStore.open(dataDir);
  await store.create(INCIDENT, { type: 'incident.declared', actor: 'ines', payload: { title: 'Checkout errors', severity: 'SEV2', commander: 'ines', services: ['checkout'] } });
  const catalogue = ServiceCatalogue.inDataDir(dataDir);
  await catalogue.put({
    name: 'checkout',
    git: { clonePath: repos.clone, remote: { name: 'origin' } },
    deploy: { branch: 'main', releaseTagPattern: 'v*' },
    rollback: { strategies: [{ kind: 'revert' }, { kind: 'move-ref' }] },
    ...serviceExtras,
  });
  const rollbacks = new RollbackService({ store, catalogue, operator: () => 'ines', deviceId: () => 'dev_rollback_tests', ...deps });
  return {
    repos,
    store,
    catalogue,
    rollbacks,
    shas: { v1, bad1, bad2 },
    events: () => [...(store.get(INCIDENT).log?.events ?? [])],
    async cleanup() {
      await rollbacks.close();
      await store.close();
      repos.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
