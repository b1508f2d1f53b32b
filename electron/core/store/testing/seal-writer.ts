// Child process for the seal crash test: opens the log, appends a few events, closes it (which writes the seal), over and over
// until it is SIGKILLed — so kills land before, during and after seal writes.
import { IncidentLog } from '../incident-log';

async function main(): Promise<void> {
  const dir = process.argv[2]!;
  process.stdout.write('ready\n');
  for (let round = 0; ; round++) {
    const log = await IncidentLog.open(dir);
    const notes = Array.from({ length: 1 + (round % 3) }, (_, i) => ({ type: 'note.added' as const, actor: 'seal-test', payload: { text: `round ${round} note ${i}` } }));
    const stored = await log.append(notes);
    process.stdout.write(`ack ${stored.map((e) => e.seq).join(' ')}\n`);
    await log.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`seal-writer failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
