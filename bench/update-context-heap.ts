// Memory (JS heap plus typed-array buffers) held by the update-context fold of a 1M-event incident (2/3 notes, as bench/support/chained-log.ts writes), and by
// the engineers' facts a draft computes from it (issue #17). Run: node --expose-gc --import tsx bench/update-context-heap.ts
// Not a *.bench.ts (npm run bench): it needs --expose-gc to measure retained heap rather than garbage.
import { EVENT_SCHEMA_VERSION, type IncidentEvent } from '../shared/events';
import { foldedAudienceFacts, updateContextProjection } from '../shared/updates/update-context-projection';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const START = Date.parse('2026-01-01T00:00:00Z');

// The same events as chained-log.ts (its generator is private), made on demand so the log itself is not on the heap.
function eventAt(seq: number): IncidentEvent {
  const ts = new Date(START + seq * 1000).toISOString();
  if (seq === 1) return { v: EVENT_SCHEMA_VERSION, seq, ts, actor: 'bench', type: 'incident.declared', payload: { title: 'Bench', severity: 'SEV2', commander: 'bench', services: ['api'] } };
  return seq % 3 === 0
    ? { v: EVENT_SCHEMA_VERSION, seq, ts, actor: 'prometheus', type: 'metric.observed', payload: { service: 'api', metric: 'p99_latency', value: seq % 1000, unit: 'ms' } }
    : { v: EVENT_SCHEMA_VERSION, seq, ts, actor: 'ana', type: 'note.added', payload: { text: `Observation number ${seq}: queue depth rising on shard ${seq % 16}`, kind: 'note' } };
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc (see the comment at the top).');
const heap = () => {
  gc();
  gc();
  // Typed arrays keep their contents outside the JS heap: count both.
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

const before = heap();
let fold = updateContextProjection.initial('bench');
const t0 = performance.now();
for (let seq = 1; seq <= COUNT; seq++) fold = updateContextProjection.apply(fold, eventAt(seq), 'bench');
const foldMs = performance.now() - t0;
const folded = heap();
const t1 = performance.now();
const facts = foldedAudienceFacts(fold, 'engineers', (seq) => (seq >= 1 && seq <= COUNT ? eventAt(seq) : undefined));
const factsMs = performance.now() - t1;
const withFacts = heap();
console.log(`${COUNT} events: fold ${mb(folded - before)} (${foldMs.toFixed(0)} ms); + engineers' facts ${mb(withFacts - folded)} (${factsMs.toFixed(0)} ms, ${facts.factSeqs.length} facts)`);
