// Test support: a minimal Firebreak process (store + outbox worker) that the crash test starts and kills mid-send.
import { ConnectorSettings } from '../../connectors/connector-settings';
import { openBrowserVault } from '../../secrets/vault-key';
import { IncidentStore } from '../../store/incident-store';
import { ConnectorDispatch } from '../outbox-dispatch';
import { OutboxService } from '../outbox-service';
import { OutboxWorker } from '../outbox-worker';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: outbox-child <dataDir>');
  const store = await IncidentStore.open(dataDir);
  const settings = new ConnectorSettings(dataDir, await openBrowserVault({ dataDir }), { timeoutMs: 2000, maxAttempts: 1 });
  const worker = new OutboxWorker(store, new ConnectorDispatch(settings, () => 'firebreak'), () => 'firebreak', { backoff: { baseDelayMs: 5, maxDelayMs: 50 } });
  const outbox = new OutboxService(store, worker, () => 'firebreak');
  worker.start();
  process.stdout.write('ready\n');
  for (;;) {
    await new Promise((r) => setTimeout(r, 20));
    await worker.idle();
    if (outbox.list({ status: 'pending' }).length === 0) break;
  }
  await worker.stop();
  await store.close();
  process.stdout.write('done\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`outbox-child failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
