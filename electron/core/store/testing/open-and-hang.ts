// Child process for recovery tests: opens an incident log (running its crash recovery), says "ready" and waits to be SIGKILLed.
import { IncidentLog } from '../incident-log';

IncidentLog.open(process.argv[2]!)
  .then(() => {
    process.stdout.write('ready\n');
    setInterval(() => undefined, 60_000);
  })
  .catch((e: unknown) => {
    process.stderr.write(`open-and-hang failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
