import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeIncident } from './chained-log';
import { startCore } from '../../electron/core/firebreak-core';
import { IncidentLog } from '../../electron/core/store/incident-log';
const INCIDENT = '2026-01-01-bench-incident-aaaaaa';
async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'prof-'));
  await writeIncident(dataDir, INCIDENT, 100000);
  const opts = { dataDir, assetsDir: join(__dirname, '..', '..', 'assets'), mode: 'browser' as const, version: 'b', seedDemo: false, backgroundSync: false };
  const first = await startCore(opts);
  await first.router.dispatch('incidents.get', { incidentId: INCIDENT });
  await new Promise((r) => setTimeout(r, 4000));
  await first.close();
  for (let i = 0; i < 3; i++) {
    const file = join(dataDir, 'incidents', INCIDENT, 'events.jsonl');
    let t = performance.now();
    const text = (await readFile(file)).toString('utf8'); for (const line of text.split('\n')) if (line) JSON.parse(line);
    const raw = performance.now() - t;
    t = performance.now();
    const log = await IncidentLog.open(join(dataDir, 'incidents', INCIDENT)); const open = performance.now() - t; await log.close();
    t = performance.now();
    const core = await startCore(opts); const start = performance.now() - t;
    t = performance.now();
    await core.router.dispatch('incidents.get', { incidentId: INCIDENT }); const get = performance.now() - t;
    t = performance.now();
    await core.router.dispatch('timeline.events', { incidentId: INCIDENT, afterSeq: 0, limit: 500 }); const page = performance.now() - t;
    await core.close();
    console.log({ raw, open, start, get, page });
  }
}
void main();
