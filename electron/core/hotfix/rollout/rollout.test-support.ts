// Test support: a data dir with one declared incident, a service with a configured rollout, a rollback service and the engine.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncidentEvent } from '../../../../shared/events';
import type { RolloutState } from '../../../../shared/hotfix/rollout-state';
import { RollbackService } from '../../rollback/rollback-service';
import { ServiceCatalogue } from '../../services/service-catalogue';
import { IncidentStore } from '../../store/incident-store';
import { RolloutEngine, type RolloutEngineDeps } from './rollout-engine';

export const INCIDENT = '2026-03-01-checkout-errors-abc123';
export const HOTFIX = 'HF-20260301-1';
const node = process.execPath;

/** A stage whose command is a small node script. */
export const nodeStage = (id: string, script: string, extra: Record<string, unknown> = {}) => ({
  id,
  label: id.replace(/-/g, ' '),
  run: { command: node, args: ['-e', script], timeoutMs: 10_000 },
  analyze: false,
  advance: 'automatic',
  ...extra,
});

export interface RolloutFixture {
  dataDir: string;
  store: IncidentStore;
  catalogue: ServiceCatalogue;
  rollbacks: RollbackService;
  engine: RolloutEngine;
  chunks: string[];
  events(): IncidentEvent[];
  ofType<T extends IncidentEvent['type']>(type: T): Extract<IncidentEvent, { type: T }>[];
  state(rolloutId: string): RolloutState;
  cleanup(): Promise<void>;
}

export async function rolloutFixture(rollout: Record<string, unknown>, deps: Partial<RolloutEngineDeps> = {}): Promise<RolloutFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fb-rollout-'));
  const store = await IncidentStore.open(dataDir);
  await store.create(INCIDENT, { type: 'incident.declared', actor: 'ines', payload: { title: 'Checkout errors', severity: 'SEV1', commander: 'ines', services: ['checkout'] } });
  const catalogue = ServiceCatalogue.inDataDir(dataDir);
  await catalogue.put({
    name: 'checkout',
    rollback: { strategies: [{ kind: 'command', command: node, args: ['-e', 'console.log("helm rollback checkout 41")'], timeoutMs: 10_000 }] },
    rollout,
  });
  const rollbacks = new RollbackService({ store, catalogue, operator: () => 'ines', deviceId: () => 'dev_rollout_tests' });
  const chunks: string[] = [];
  const engine = new RolloutEngine({ store, catalogue, operator: () => 'ines', rollbacks, publishOutput: (o) => chunks.push(o.chunk), ...deps });
  const events = () => [...(store.get(INCIDENT).log?.events ?? [])];
  return {
    dataDir,
    store,
    catalogue,
    rollbacks,
    engine,
    chunks,
    events,
    ofType: <T extends IncidentEvent['type']>(type: T) => events().filter((e): e is Extract<IncidentEvent, { type: T }> => e.type === type),
    state: (rolloutId) => engine.list(INCIDENT).find((r) => r.id === rolloutId)!,
    async cleanup() {
      await engine.close();
      await rollbacks.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
