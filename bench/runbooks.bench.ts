// Runbook benchmarks: read and index 1,000 generated runbooks from disk, then search p95 over mixed queries (goal < 5 ms).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunbookLibrary } from '../electron/core/runbooks/runbook-library';
import type { BenchResult } from './run';

const SERVICES = ['checkout-api', 'payments', 'search', 'auth', 'inventory', 'edge', 'postgres', 'kafka', 'redis', 'notifications'];
const SYMPTOMS = ['latency', 'errors', 'saturation', 'timeouts', 'crashloop', 'backlog', 'expiry', 'outage', 'spike', 'leak'];
const VERBS = ['Check', 'Compare', 'Roll back', 'Scale out', 'Drain', 'Restart', 'Page', 'Verify', 'Throttle', 'Failover'];
const WORDS = 'replica shard queue consumer partition certificate ingress cache eviction memory connection pool deploy canary rollout index vacuum lock quorum region zone dns resolver'.split(' ');

/** Deterministic pseudo-random numbers, so every run indexes the same library. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generateRunbook(i: number, rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const service = pick(SERVICES);
  const symptom = pick(SYMPTOMS);
  const steps = Array.from({ length: 8 + Math.floor(rand() * 12) }, () => `- [ ] ${pick(VERBS)} the ${pick(WORDS)} ${pick(WORDS)} on ${pick(SERVICES)}`);
  const prose = Array.from({ length: 30 }, () => pick(WORDS)).join(' ');
  return `---\ntitle: ${service} ${symptom} runbook ${i}\nservices: [${service}]\nseverities: [SEV${1 + Math.floor(rand() * 3)}]\ntags: [${symptom}, ${pick(WORDS)}]\n---\n# ${service} ${symptom}\n\n${prose}\n\n## Steps\n${steps.join('\n')}\n\n\`\`\`sh\nkubectl -n ${service} get pods\n\`\`\`\n`;
}

const QUERIES = ['latency', 'checkout', 'pay', 'saturaton', 'roll back', 'certificat expiry', 'kafka consumer', 'postgres vacuum lock', 'inv', 'dns resolvr', 'e', 'restart redis'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function run(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'firebreak-runbooks-bench-'));
  try {
    const folder = join(root, 'data', 'runbooks');
    await mkdir(folder, { recursive: true });
    await writeFile(join(root, 'data', 'runbooks-seeded.json'), '{}\n');
    const rand = prng(42);
    await Promise.all(Array.from({ length: 1000 }, (_, i) => writeFile(join(folder, `runbook-${i}.md`), generateRunbook(i, rand))));

    const t0 = performance.now();
    const library = await RunbookLibrary.open({ dataDir: join(root, 'data'), assetsDir: join(root, 'assets') });
    const openMs = performance.now() - t0;
    if (library.status().total !== 1000) throw new Error(`expected 1000 runbooks, got ${library.status().total}`);

    for (const q of QUERIES) library.search(q, {}, 50); // warm-up
    const times: number[] = [];
    let hits = 0;
    for (let round = 0; round < 50; round++) {
      for (const q of QUERIES) {
        const s = performance.now();
        hits += library.search(q, round % 5 === 0 ? { severity: 'SEV1' } : {}, 50).length;
        times.push(performance.now() - s);
      }
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    return [
      { name: 'read + parse + index 1,000 runbooks', summary: `${openMs.toFixed(0)} ms` },
      {
        name: `search p95 over ${times.length} queries (prefix, typo, multi-word)`,
        summary: `${p95.toFixed(2)} ms (p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms, avg hits ${(hits / times.length).toFixed(0)}) — goal < 5 ms: ${p95 < 5 ? 'met' : 'MISSED'}`,
      },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
