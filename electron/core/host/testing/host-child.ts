// Child process for host crash, memory and soak runs: serves a data directory through the real core and browser host, prints
// "ready <origin> <token>", and answers "mem" on stdin (after a full GC when run with --expose-gc) with its memory use.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startCore } from '../../firebreak-core';
import { startBrowserHost } from '../browser-host';

async function main(): Promise<void> {
  const dataDir = process.argv[2]!;
  const core = await startCore({
    dataDir,
    assetsDir: join(__dirname, '..', '..', '..', '..', 'assets'),
    mode: 'browser',
    version: 'host-child',
    operator: 'host-child',
    seedDemo: false,
    backgroundSync: false,
  });
  const host = await startBrowserHost({ router: core.router, hub: core.hub, rendererDir: dataDir, ...(process.env.FIREBREAK_HOST_TOKEN ? { token: process.env.FIREBREAK_HOST_TOKEN } : {}) });
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() !== 'mem') return;
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    // maxRSS is the peak resident set of the whole life of the process, in KiB.
    process.stdout.write(`mem ${rss} ${heapUsed} ${process.resourceUsage().maxRSS * 1024} ${heapTotal} ${external}\n`);
  });
  process.stdout.write(`ready ${host.origin} ${host.token}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`host-child failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
