// Child process for the crash-safety test: appends events forever, printing each acknowledged seq, until it is SIGKILLed.
import { IncidentLog } from '../incident-log';

async function main(): Promise<void> {
  const dir = process.argv[2]!;
  const log = await IncidentLog.open(dir);
  if (log.events.length === 0) {
    await log.append([{ type: 'incident.declared', actor: 'crash-test', payload: { title: 'Crash test', severity: 'SEV3', commander: 'crash-test', services: [] } }]);
  }
  process.stdout.write('ready\n');
  let n = 0;
  for (;;) {
    // Several appends in flight at once, so group commit batches them.
    const batch = Array.from({ length: 1 + (n % 4) }, (_, i) =>
      log.append([{ type: 'note.added', actor: 'crash-test', payload: { text: `note ${n}-${i} ${'x'.repeat((n * 37) % 300)}` } }]),
    );
    n++;
    for (const stored of await Promise.all(batch)) process.stdout.write(`ack ${stored.map((e) => e.seq).join(' ')}\n`);
  }
}

void main();
