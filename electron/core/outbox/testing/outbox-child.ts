// Test support: a minimal Firebreak process (store + outbox worker) that the crash test starts and kills mid-send.
import { startOutboxProcess } from './outbox-process';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: outbox-child <dataDir>');
  const { store, worker, outbox } = await startOutboxProcess(dataDir);
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
