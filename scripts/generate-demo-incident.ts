// Writes assets/demo-incident/: the bundled demo incident's event log and its captured metrics. The story is played through the
// real services (incidents, checklists, alert feed, rollback, updates, capture store) on a scripted clock, so the demo always
// matches the current event schemas and domain rules. Run with `npm run demo:generate`.
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_INCIDENT_ID } from '../electron/core/demo/seed-demo';
import { LOG_FILE } from '../electron/core/store/incident-log';
import { captureDemoMetrics, errorRatioAt } from './demo/demo-metrics';
import { DEMO_START, playDemoStory } from './demo/demo-story';
import { openDemoWorld } from './demo/demo-world';

/** Captures reach from 30 minutes before the declaration (the pane's default lead-in) to 30 minutes after resolution. */
const LEAD_IN_MINUTES = 30;
const CAPTURE_UNTIL_MINUTE = 101;

async function main(): Promise<void> {
  const assetsDir = join(__dirname, '..', 'assets');
  const world = await openDemoWorld(assetsDir, DEMO_START, (ms) => errorRatioAt((ms - DEMO_START) / 60_000));
  try {
    await playDemoStory(world);
    const segments = await captureDemoMetrics(world.captures, DEMO_INCIDENT_ID, DEMO_START, LEAD_IN_MINUTES, CAPTURE_UNTIL_MINUTE);
    const events = world.store.get(DEMO_INCIDENT_ID).log!.events.length;
    await world.close();
    const from = join(world.dataDir, 'incidents', DEMO_INCIDENT_ID);
    const to = join(assetsDir, 'demo-incident');
    await rm(to, { recursive: true, force: true });
    await mkdir(to, { recursive: true });
    await cp(join(from, LOG_FILE), join(to, LOG_FILE));
    await cp(join(from, 'metrics'), join(to, 'metrics'), { recursive: true });
    console.log(`Wrote ${events} demo events and ${segments} metric captures (${(await readdir(join(to, 'metrics'))).length} panels) to ${to}`);
  } finally {
    await rm(world.dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
