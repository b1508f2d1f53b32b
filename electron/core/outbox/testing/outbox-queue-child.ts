// Test support: a Firebreak process that queues Jira comments and PagerDuty notes through the real OutboxService while its worker
// sends them, printing each acknowledged intent key, until the queue crash test SIGKILLs it.
import { startOutboxProcess } from './outbox-process';

async function main(): Promise<void> {
  const [dataDir, incidentId, issueKey, pdIncidentId, run] = process.argv.slice(2);
  if (!dataDir || !incidentId || !issueKey || !pdIncidentId || !run) throw new Error('usage: outbox-queue-child <dataDir> <incident> <issueKey> <pdIncidentId> <run>');
  const { outbox } = await startOutboxProcess(dataDir);
  process.stdout.write('ready\n');
  for (let n = 0; ; n++) {
    const text = `Status ${run}.${n}: mitigation in progress`;
    const item = await outbox.queue(incidentId, n % 2 === 0 ? { kind: 'jira.comment', issueKey, markdown: text } : { kind: 'pagerduty.note', pdIncidentId, content: text });
    process.stdout.write(`ack ${item.intentKey}\n`);
    // Queue a little slower than the stand-ins answer, so kills land while sends are in flight too.
    await new Promise((r) => setTimeout(r, n % 3));
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`outbox-queue-child failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
