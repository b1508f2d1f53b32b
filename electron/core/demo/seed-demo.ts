// Installs the bundled demo incident into a data directory on first start, once: deleting it later is respected.
import { readFile } from 'node:fs/promises';
import { writeFileDurably } from '../base/durable-file';
import { join } from 'node:path';
import { LOG_FILE } from '../store/incident-log';

export const DEMO_INCIDENT_ID = 'demo-checkout-latency-outage';
const MARKER = 'demo-seeded.json';

/** Returns true when the demo incident was installed by this call. */
export async function seedDemoIncident(dataDir: string, assetsDir: string): Promise<boolean> {
  const marker = join(dataDir, MARKER);
  try {
    await readFile(marker);
    return false;
  } catch {
    // first start
  }
  const target = join(dataDir, 'incidents', DEMO_INCIDENT_ID);
  await writeFileDurably(join(target, LOG_FILE), await readFile(join(assetsDir, 'demo-incident', LOG_FILE)));
  await writeFileDurably(marker, JSON.stringify({ seededAt: new Date().toISOString(), incidentId: DEMO_INCIDENT_ID }) + '\n');
  return true;
}
