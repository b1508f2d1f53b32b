// Test fixture: the real Debian prometheus and prometheus-alertmanager binaries on free ports, scraping a target the test controls.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Gauge, Registry } from 'prom-client';

import { installHint, locateProgram } from '../../../../scripts/system-programs.cjs';

// PROMETHEUS_PATH / ALERTMANAGER_PATH, else PATH, else the usual install locations (scripts/system-programs.cjs).
export const PROMETHEUS_BIN = locateProgram('prometheus') ?? 'prometheus';
export const ALERTMANAGER_BIN = locateProgram('alertmanager') ?? 'prometheus-alertmanager';

/** Fails with the exact fix when the binaries are missing, instead of skipping silently. */
export function requireBinaries(prometheus = PROMETHEUS_BIN, alertmanager = ALERTMANAGER_BIN): void {
  const missing = [
    [prometheus, 'prometheus'],
    [alertmanager, 'alertmanager'],
  ] as const;
  const problems = missing.filter(([bin]) => !existsSync(bin)).map(([bin, name]) => `${bin}: ${installHint(name)}`);
  if (problems.length > 0) {
    throw new Error(`These tests run the real servers (Debian bookworm ships prometheus 2.42 and alertmanager 0.25). ${problems.join(' ')}`);
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a value (not undefined), or fails with `what` after the timeout. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    await sleep(everyMs);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
}

export interface MetricsServers {
  prometheusUrl: string;
  alertmanagerUrl: string;
  /** The checkout service's error ratio the target exposes; the alert rule fires above 0.5. */
  errorRatio: Gauge;
  stop(): Promise<void>;
}

const RULES = `groups:
  - name: checkout
    interval: 1s
    rules:
      - alert: CheckoutErrorRatioHigh
        expr: checkout_error_ratio > 0.5
        for: 0s
        labels:
          severity: page
          service: checkout
        annotations:
          summary: Checkout error ratio above 50%
          runbook_url: https://runbooks.example.com/firebreak/checkout-errors.md
`;

const ALERTMANAGER_CONFIG = `route:
  receiver: blackhole
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: blackhole
`;

async function waitReady(url: string, name: string, child: ChildProcess, output: () => string): Promise<void> {
  await eventually(
    `${name} to be ready at ${url}`,
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: ${output().slice(-2000)}`);
      const res = await fetch(`${url}/-/ready`).catch(() => undefined);
      return res?.ok ? true : undefined;
    },
    // Upper bound only (the loop returns as soon as /-/ready answers): a Go binary's first start on a busy machine is slow.
    45_000,
    100,
  );
}

function launch(bin: string, args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, output: () => log };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export async function startMetricsServers(): Promise<MetricsServers> {
  requireBinaries();
  const dir = await mkdtemp(join(tmpdir(), 'firebreak-prom-'));
  const registry = new Registry();
  const errorRatio = new Gauge({ name: 'checkout_error_ratio', help: 'Share of failed checkout requests', registers: [registry] });
  errorRatio.set(0);
  const target: Server = createServer((_req, res) => {
    void registry.metrics().then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text));
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  const targetPort = (target.address() as AddressInfo).port;
  const [promPort, amPort] = [await freePort(), await freePort()];

  await writeFile(join(dir, 'rules.yml'), RULES);
  await writeFile(join(dir, 'alertmanager.yml'), ALERTMANAGER_CONFIG);
  await writeFile(
    join(dir, 'prometheus.yml'),
    `global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - ${join(dir, 'rules.yml')}
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['127.0.0.1:${amPort}']
scrape_configs:
  - job_name: checkout
    static_configs:
      - targets: ['127.0.0.1:${targetPort}']
        labels:
          service: checkout
`,
  );

  const am = launch(ALERTMANAGER_BIN, [
    `--config.file=${join(dir, 'alertmanager.yml')}`,
    `--storage.path=${join(dir, 'am-data')}`,
    `--web.listen-address=127.0.0.1:${amPort}`,
    '--cluster.listen-address=',
    '--log.level=warn',
  ]);
  const prom = launch(PROMETHEUS_BIN, [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'tsdb')}`,
    `--web.listen-address=127.0.0.1:${promPort}`,
    '--log.level=warn',
  ]);
  const prometheusUrl = `http://127.0.0.1:${promPort}`;
  const alertmanagerUrl = `http://127.0.0.1:${amPort}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all([stopChild(prom.child), stopChild(am.child)]);
    target.closeAllConnections();
    await new Promise((r) => target.close(r));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all([waitReady(prometheusUrl, 'prometheus', prom.child, prom.output), waitReady(alertmanagerUrl, 'alertmanager', am.child, am.output)]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { prometheusUrl, alertmanagerUrl, errorRatio, stop };
}
