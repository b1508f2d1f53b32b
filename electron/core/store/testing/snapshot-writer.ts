// Child process for the projection snapshot crash test: opens the store as the core does, appends notes and outbox writes, and
// closes it (which seals the log and writes its summary and projection snapshot), over and over until it is SIGKILLed, so kills
// land during appends, seal writes and snapshot writes.
import type { NewEvent } from '../../../../shared/events';
import { IncidentStore } from '../incident-store';

const [dataDir, id, build] = process.argv.slice(2) as [string, string, string];

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  for (let round = 0; ; round++) {
    const store = await IncidentStore.open(dataDir, {}, { lazy: true, build });
    if (!store.has(id)) await store.create(id, { type: 'incident.declared', actor: 'crash-test', payload: { title: 'Snapshot crash test', severity: 'SEV3', commander: 'crash-test', services: [] } });
    for (let batch = 0; batch < 1 + (round % 3); batch++) {
      const key = `ob_${round}_${batch}_${process.pid}`;
      const events: NewEvent[] = [
        { type: 'note.added', actor: 'crash-test', payload: { text: `round ${round} batch ${batch}` } },
        { type: 'outbox.intent_queued', actor: 'crash-test', payload: { intentKey: key, operation: { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'hi' } } },
        ...(round % 2 === 0 ? [{ type: 'outbox.sent', actor: 'crash-test', payload: { intentKey: key } } as NewEvent] : []),
      ];
      const stored = await store.append(id, events);
      process.stdout.write(`ack ${stored.map((e) => e.seq).join(' ')}\n`);
    }
    await store.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`snapshot-writer failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
