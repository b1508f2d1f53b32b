import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyMetricsConfig, Endpoint, MetricsConfig } from '../../../shared/metrics/metrics-config';
import { testConnection } from './connection-test';
import { requireBinaries } from './testing/prometheus-fixture';

let server: Server;
let base: string;
let lastAuth: string | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    lastAuth = req.headers.authorization;
    if (req.url === '/api/v1/status/buildinfo') res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success","data":{"version":"2.42.0"}}');
    else if (req.url === '/api/v2/status') res.writeHead(200, { 'content-type': 'application/json' }).end('{"cluster":{"status":"disabled"},"versionInfo":{"version":"0.25.0"},"config":{"original":""},"uptime":"2026-11-25T10:00:00Z"}');
    else res.writeHead(404).end('404 page not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe('testConnection', () => {
  it('reports the version of what answered', async () => {
    expect(await testConnection({ kind: 'prometheus', endpoint: Endpoint.parse({ baseUrl: base }) }, emptyMetricsConfig())).toEqual({
      ok: true,
      version: '2.42.0',
      message: `Connected to Prometheus 2.42.0 at ${base}.`,
    });
    expect((await testConnection({ kind: 'alertmanager', endpoint: Endpoint.parse({ baseUrl: base }) }, emptyMetricsConfig())).message).toContain('Alertmanager 0.25.0');
  });

  it('names a URL that is not a Prometheus', async () => {
    const result = await testConnection({ kind: 'prometheus', endpoint: Endpoint.parse({ baseUrl: `${base}/grafana` }) }, emptyMetricsConfig());
    expect(result).toMatchObject({ ok: false, failure: 'wrong_server' });
  });

  it('uses the stored secret when the form leaves it empty, and says when there is none', async () => {
    const stored = MetricsConfig.parse({ prometheus: [{ id: 'prod', name: 'Prod', baseUrl: base, auth: { type: 'bearer', token: 'kept' } }] });
    await testConnection({ kind: 'prometheus', serverId: 'prod', endpoint: Endpoint.parse({ baseUrl: base, auth: { type: 'bearer' } }) }, stored);
    expect(lastAuth).toBe('Bearer kept');
    expect(await testConnection({ kind: 'prometheus', serverId: 'new', endpoint: Endpoint.parse({ baseUrl: base, auth: { type: 'bearer' } }) }, stored)).toEqual({
      ok: false,
      failure: 'unauthorized',
      message: 'Enter the bearer token',
    });
  });
});

describe('the real-server fixture', () => {
  it('fails with the exact apt command when the binaries are missing', () => {
    const attempt = () => requireBinaries('/nonexistent/prometheus', '/nonexistent/prometheus-alertmanager');
    expect(attempt).toThrow('sudo apt-get install -y prometheus`');
    expect(attempt).toThrow('sudo apt-get install -y prometheus-alertmanager`');
  });
});
