// Child process for the capture crash test: writes capture segments for two panels through the real CaptureStore until SIGKILLed.
import { join } from 'node:path';
import { CaptureStore } from '../capture-store';
import { crashCapture } from './crash-captures';

async function main(): Promise<void> {
  const [dataDir, first] = process.argv.slice(2);
  if (!dataDir || !first) throw new Error('usage: capture-writer <dataDir> <first capture number>');
  const store = new CaptureStore(join(dataDir, 'incidents'));
  process.stdout.write('ready\n');
  // Two panels captured side by side, as the live pane does; each panel's fetches are written one after another.
  const lane = async (panel: number) => {
    for (let k = Number(first) + panel; ; k += 2) {
      process.stdout.write(`begin ${k}\n`);
      await store.write(crashCapture.incident, crashCapture.range(k));
      process.stdout.write(`ack ${k}\n`);
    }
  };
  await Promise.all([lane(0), lane(1)]);
}

main().catch((e: unknown) => {
  process.stderr.write(`capture-writer failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
