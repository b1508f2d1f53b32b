// Test support: a scripted service whose canary and baseline tracks serve requests with error ratios the test sets, scraped every
// second by the real Debian prometheus binary on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Counter, Registry } from 'prom-client';
import { installHint } from '../../../../scripts/system-programs.cjs';
import { eventually, freePort, PROMETHEUS_BIN } from '../../metrics/testing/prometheus-fixture';

export interface CanaryPrometheus {
  prometheusUrl: string;
  /** Share of the track's requests that fail from now on (0..1). */
  setErrorRatio(track: 'canary' | 'baseline', ratio: number): void;
  stopPrometheus(): Promise<void>;
  stop(): Promise<void>;
}

/** Requests per tick and per track; 20 ticks a second. */
const REQUESTS_PER_TICK = 50;

export async function startCanaryPrometheus(): Promise<CanaryPrometheus> {
  if (!existsSync(PROMETHEUS_BIN)) throw new Error(`These tests run the real Prometheus: ${installHint('prometheus')}`);
  const registry = new Registry();
  const requests = new Counter({ name: 'checkout_requests_total', help: 'Requests served', labelNames: ['track'], registers: [registry] });
  const errors = new Counter({ name: 'checkout_errors_total', help: 'Requests failed', labelNames: ['track'], registers: [registry] });
  const ratio = { canary: 0.01, baseline: 0.01 };
  const carry = { canary: 0, baseline: 0 };
  const ticker = setInterval(() => {
    for (const track of ['canary', 'baseline'] as const) {
      requests.inc({ track }, REQUESTS_PER_TICK);
      carry[track] += REQUESTS_PER_TICK * ratio[track];
      const failed = Math.floor(carry[track]);
      carry[track] -= failed;
      errors.inc({ track }, failed);
    }
  }, 50);
  const target: Server = createServer((_req, res) => void registry.metrics().then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text)));
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  const dir = await mkdtemp(join(tmpdir(), 'fb-canary-prom-'));
  const port = await freePort();
  await writeFile(
    join(dir, 'prometheus.yml'),
    `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: checkout\n    static_configs:\n      - targets: ['127.0.0.1:${(target.address() as AddressInfo).port}']\n`,
  );
  const prom: ChildProcess = spawn(PROMETHEUS_BIN, [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'tsdb')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], { stdio: 'ignore' });
  const prometheusUrl = `http://127.0.0.1:${port}`;
  const stopPrometheus = async () => {
    if (prom.exitCode !== null || prom.signalCode !== null) return;
    const exited = new Promise((r) => prom.once('exit', r));
    prom.kill('SIGTERM');
    const timer = setTimeout(() => prom.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const stop = async () => {
    clearInterval(ticker);
    await stopPrometheus();
    target.closeAllConnections();
    await new Promise((r) => target.close(r));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    // Ready and already holding a few scrapes of both tracks, so rate() has points from the first analysis on.
    await eventually(
      'Prometheus to have scraped both tracks',
      async () => {
        if (prom.exitCode !== null) throw new Error(`prometheus exited with ${prom.exitCode}`);
        const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent('count(rate(checkout_requests_total[3s]) > 0)')}`).catch(() => undefined);
        const body = res?.ok ? ((await res.json()) as { data: { result: { value: [number, string] }[] } }) : undefined;
        return body?.data.result[0]?.value[1] === '2' ? true : undefined;
      },
      45_000,
      200,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { prometheusUrl, setErrorRatio: (track, r) => void (ratio[track] = r), stopPrometheus, stop };
}
