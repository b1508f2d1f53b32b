// Installs the bundled demo incident into a data directory on first start, once: deleting it later is respected.
// The demo is its event log plus the metric ranges captured during it (so the metrics pane draws its charts offline).
import { readdir, readFile } from 'node:fs/promises';
import { writeFileDurably } from '../base/durable-file';
import { join } from 'node:path';
import { LOG_FILE } from '../store/incident-log';

export const DEMO_INCIDENT_ID = 'demo-checkout-latency-outage';
const MARKER = 'demo-seeded.json';
export const DEMO_METRICS_DIR = 'metrics';

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** Returns true when the demo incident was installed by this call. */
export async function seedDemoIncident(dataDir: string, assetsDir: string): Promise<boolean> {
  const marker = join(dataDir, MARKER);
  try {
    await readFile(marker);
    return false;
  } catch {
    // first start
  }
  const source = join(assetsDir, 'demo-incident');
  const target = join(dataDir, 'incidents', DEMO_INCIDENT_ID);
  // Captures first and the log last: an incident folder only counts once its log is there, and a crash before the marker
  // simply seeds again over the same files.
  for (const panel of await listDir(join(source, DEMO_METRICS_DIR))) {
    for (const file of await listDir(join(source, DEMO_METRICS_DIR, panel))) {
      await writeFileDurably(join(target, DEMO_METRICS_DIR, panel, file), await readFile(join(source, DEMO_METRICS_DIR, panel, file)));
    }
  }
  await writeFileDurably(join(target, LOG_FILE), await readFile(join(source, LOG_FILE)));
  await writeFileDurably(marker, JSON.stringify({ seededAt: new Date().toISOString(), incidentId: DEMO_INCIDENT_ID }) + '\n');
  return true;
}
