// Synthetic incident logs for the core benches, stored exactly as Firebreak stores them (parsed form, hash chain included).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_SCHEMA_VERSION, IncidentEvent } from '../../shared/events';
import { chainHash, GENESIS_HASH } from '../../electron/core/store/hash-chain';
import { LOG_FILE } from '../../electron/core/store/incident-log';

const START = Date.parse('2026-01-01T00:00:00Z');

function eventAt(seq: number, title: string): IncidentEvent {
  const ts = new Date(START + seq * 1000).toISOString();
  if (seq === 1) return { v: EVENT_SCHEMA_VERSION, seq, ts, actor: 'bench', type: 'incident.declared', payload: { title, severity: 'SEV2', commander: 'bench', services: ['api'] } };
  return seq % 3 === 0
    ? { v: EVENT_SCHEMA_VERSION, seq, ts, actor: 'prometheus', type: 'metric.observed', payload: { service: 'api', metric: 'p99_latency', value: seq % 1000, unit: 'ms' } }
    : { v: EVENT_SCHEMA_VERSION, seq, ts, actor: 'ana', type: 'note.added', payload: { text: `Observation number ${seq}: queue depth rising on shard ${seq % 16}`, kind: 'note' } };
}

/** `count` chained events after `after` (seq and hash of the event before), as JSONL lines. */
export function chainedLines(fromSeq: number, count: number, previousHash = GENESIS_HASH, title = 'Bench incident'): { lines: string[]; head: string } {
  const lines: string[] = [];
  let head = previousHash;
  for (let seq = fromSeq; seq < fromSeq + count; seq++) {
    const e = eventAt(seq, title);
    // The stored form is the schema's output: check the templates once so the hashes match what a full validation gives.
    if (seq <= 3 && JSON.stringify(IncidentEvent.parse(e)) !== JSON.stringify(e)) throw new Error(`bench event #${seq} is not in stored form`);
    e.h = chainHash(head, e);
    head = e.h;
    lines.push(JSON.stringify(e));
  }
  return { lines, head };
}

/** Writes an incident folder with a `count`-event log under `dataDir`/incidents; answers the chain head. */
export async function writeIncident(dataDir: string, id: string, count: number): Promise<string> {
  const dir = join(dataDir, 'incidents', id);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { lines, head } = chainedLines(1, count, GENESIS_HASH, id);
  await writeFile(join(dir, LOG_FILE), `${lines.join('\n')}\n`, { mode: 0o600 });
  return head;
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
