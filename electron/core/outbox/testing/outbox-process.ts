// Test support: the store + connector settings + outbox worker that a real Firebreak process runs, for crash-test children.
import { ConnectorSettings } from '../../connectors/connector-settings';
import { openBrowserVault } from '../../secrets/vault-key';
import { IncidentStore } from '../../store/incident-store';
import { ConnectorDispatch } from '../outbox-dispatch';
import { OutboxService } from '../outbox-service';
import { OutboxWorker } from '../outbox-worker';

export async function startOutboxProcess(dataDir: string): Promise<{ store: IncidentStore; worker: OutboxWorker; outbox: OutboxService }> {
  const store = await IncidentStore.open(dataDir);
  const settings = new ConnectorSettings(dataDir, await openBrowserVault({ dataDir }), { timeoutMs: 2000, maxAttempts: 1 });
  const worker = new OutboxWorker(store, new ConnectorDispatch(settings, () => 'firebreak'), () => 'firebreak', { backoff: { baseDelayMs: 5, maxDelayMs: 50 } });
  const outbox = new OutboxService(store, worker, () => 'firebreak');
  worker.start();
  return { store, worker, outbox };
}
