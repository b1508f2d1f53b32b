import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Endpoint } from '../../../../shared/metrics/metrics-config';
import { EndpointClient, type ConnectorError } from './endpoint-client';
import { PrometheusApi } from './prometheus-api';

// A local misbehaving "Prometheus": each path answers in its own broken (or correct) way.
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const routes: Record<string, Handler> = {};
let server: Server;
let base: string;
let closedPort: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const prefix = new URL(req.url!, 'http://x').pathname.split('/')[1]!;
      const handler = routes[prefix];
      if (handler) handler(req, res, body);
      else res.writeHead(404).end('404 page not found');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise((r) => server.close(r));
});

const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

function api(prefix: string, overrides: Partial<Endpoint> = {}, maxBody?: number): PrometheusApi {
  const endpoint = Endpoint.parse({ baseUrl: `${base}/${prefix}`, timeoutMs: 500, ...overrides });
  return new PrometheusApi(new EndpointClient(endpoint, 'Prometheus', undefined, maxBody));
}

async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  try {
    await p;
  } catch (e) {
    return e as ConnectorError;
  }
  throw new Error('expected a failure');
}

describe('PrometheusApi against a misbehaving server', () => {
  it('sends auth and extra headers, and parses a matrix with special values', async () => {
    let seen: IncomingMessage | undefined;
    let form = '';
    routes.good = (req, res, body) => {
      seen = req;
      form = body;
      json(res, 200, { status: 'success', warnings: ['partial'], data: { resultType: 'matrix', result: [{ metric: { job: 'api' }, values: [[1700000000, '1'], [1700000015.5, '+Inf'], [1700000031, 'NaN']] }] } });
    };
    const result = await api('good', { auth: { type: 'bearer', token: 's3cret' }, headers: { 'X-Scope-OrgID': 'team-a' } }).rangeQuery('up', 1700000000, 1700000030, 15);
    expect(seen!.headers.authorization).toBe('Bearer s3cret');
    expect(seen!.headers['x-scope-orgid']).toBe('team-a');
    expect(new URLSearchParams(form).get('step')).toBe('15');
    expect(result.warnings).toEqual(['partial']);
    expect(result.series[0]!.t).toEqual([1700000000000, 1700000015500, 1700000031000]);
    expect(result.series[0]!.v.slice(0, 2)).toEqual([1, Infinity]);
    expect(result.series[0]!.v[2]).toBeNaN();
  });

  it('sends basic auth', async () => {
    let auth = '';
    routes.basic = (req, res) => {
      auth = req.headers.authorization ?? '';
      json(res, 200, { status: 'success', data: { version: '2.42.0' } });
    };
    await api('basic', { auth: { type: 'basic', username: 'ic', password: 'pw' } }).buildInfo();
    expect(auth).toBe(`Basic ${Buffer.from('ic:pw').toString('base64')}`);
  });

  it("keeps Prometheus's own error for invalid PromQL (400 bad_data) and evaluation errors (422)", async () => {
    routes.bad = (_req, res) => json(res, 400, { status: 'error', errorType: 'bad_data', error: '1:5: parse error: unexpected right parenthesis' });
    const e = await failure(api('bad').rangeQuery('up))', 0, 10, 1));
    expect(e.kind).toBe('rejected');
    expect(e.code).toBe('validation');
    expect(e.message).toBe('Prometheus: 1:5: parse error: unexpected right parenthesis (bad_data, HTTP 400)');
    routes.exec = (_req, res) => json(res, 422, { status: 'error', errorType: 'execution', error: 'many-to-many matching not allowed' });
    expect((await failure(api('exec').rangeQuery('a / b', 0, 10, 1))).message).toContain('many-to-many matching not allowed (execution, HTTP 422)');
  });

  it('names timeouts, 5xx, truncated JSON, HTML pages and non-Prometheus JSON', async () => {
    routes.slow = (_req, res) => void setTimeout(() => json(res, 200, { status: 'success', data: {} }), 2000);
    const slow = await failure(api('slow').rangeQuery('up', 0, 10, 1));
    expect([slow.kind, slow.code]).toEqual(['timeout', 'unavailable']);
    expect(slow.message).toContain('did not answer within 500 ms');

    routes.down = (_req, res) => res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway');
    expect((await failure(api('down').rangeQuery('up', 0, 10, 1))).message).toBe('Range query: Prometheus answered HTTP 502: Bad Gateway.');

    routes.trunc = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success","data":{"resultType":"matr');
    const truncated = await failure(api('trunc').rangeQuery('up', 0, 10, 1));
    expect(truncated.kind).toBe('malformed');
    expect(truncated.message).toContain('malformed JSON');

    routes.html = (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in</body></html>');
    expect((await failure(api('html').buildInfo())).message).toContain('HTML page instead of JSON');

    routes.other = (_req, res) => json(res, 200, { hello: 'world' });
    expect((await failure(api('other').buildInfo())).kind).toBe('wrong_server');
    expect((await failure(api('nothing-here').buildInfo())).message).toContain('does not look like a Prometheus server');
  });

  it('names 401 and 403', async () => {
    routes.auth = (req, res) => res.writeHead(req.headers.authorization ? 403 : 401).end();
    expect((await failure(api('auth').buildInfo())).message).toContain('answered 401: the credentials are missing or wrong');
    const forbidden = await failure(api('auth', { auth: { type: 'bearer', token: 't' } }).buildInfo());
    expect([forbidden.kind, forbidden.code, forbidden.status]).toEqual(['forbidden', 'unauthorized', 403]);
  });

  it('refuses a huge result instead of running out of memory', async () => {
    routes.huge = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"status":"success","data":{"resultType":"matrix","result":[${'{"metric":{},"values":[]},'.repeat(10_000)}{}]}}`);
    };
    const e = await failure(api('huge', {}, 100_000).rangeQuery('up', 0, 10, 1));
    expect(e.kind).toBe('too_large');
  });

  it('names DNS, refused and TLS failures', async () => {
    const dns = await failure(new PrometheusApi(new EndpointClient(Endpoint.parse({ baseUrl: 'http://no-such-prometheus.invalid:9090' }), 'Prometheus')).buildInfo());
    expect(dns.kind).toBe('dns');
    expect(dns.message).toContain('"no-such-prometheus.invalid" could not be resolved');
    const refused = await failure(new PrometheusApi(new EndpointClient(Endpoint.parse({ baseUrl: `http://127.0.0.1:${closedPort}` }), 'Prometheus')).buildInfo());
    expect(refused.kind).toBe('refused');
    const tls = await failure(new PrometheusApi(new EndpointClient(Endpoint.parse({ baseUrl: base.replace('http:', 'https:') }), 'Prometheus')).buildInfo());
    expect(tls.kind).toBe('tls');
    expect(tls.message).toContain('TLS handshake');
  });
});
