// Tests for the shared transport against a local HTTP server: retries, Retry-After, timeouts, cancellation, limits.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fakeClock, json, startLocalServer, type LocalServer } from '../testing/local-server';
import { ConnectorError } from './connector-error';
import { HostLimiter } from './host-limiter';
import { HttpTransport } from './http-transport';
import { parsePayload } from './parse-payload';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function transport(extra: Partial<ConstructorParameters<typeof HttpTransport>[0]> = {}) {
  const clock = fakeClock();
  return { clock, http: new HttpTransport({ product: 'Jira', clock, timeoutMs: 2000, ...extra }) };
}

async function failureOf(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

describe('HttpTransport', () => {
  it('honours Retry-After on 429 for GET and then succeeds', async () => {
    let calls = 0;
    server = await startLocalServer((_req, res) => {
      calls++;
      if (calls === 1) return json(res, 429, { errorMessages: ['Rate limited'] }, { 'Retry-After': '4' });
      return json(res, 200, { ok: true });
    });
    const { http, clock } = transport();
    const res = await http.request({ method: 'GET', url: `${server.url}/x`, endpoint: 'GET /x' });
    expect(res.body).toEqual({ ok: true });
    expect(clock.sleeps).toEqual([4000]);
    expect(calls).toBe(2);
  });

  it('backs off exponentially on 503 without headers, and gives up after maxAttempts with the status in the error', async () => {
    server = await startLocalServer((_req, res) => json(res, 503, { error: { message: 'Service Unavailable', errors: [] } }));
    const { http, clock } = transport({ maxAttempts: 3, backoff: { baseDelayMs: 100 } });
    const e = await failureOf(http.request({ method: 'GET', url: `${server.url}/x`, endpoint: 'GET /x' }));
    expect(e.status).toBe(503);
    expect(e.code).toBe('unavailable');
    expect(e.message).toContain('GET /x');
    expect(e.message).toContain('Service Unavailable');
    expect(clock.sleeps).toEqual([55, 110]);
  });

  it('does not retry a POST without an idempotency key, but does with one', async () => {
    let calls = 0;
    server = await startLocalServer((_req, res) => {
      calls++;
      return json(res, 503, {});
    });
    const { http } = transport({ maxAttempts: 3 });
    await failureOf(http.request({ method: 'POST', url: `${server.url}/c`, endpoint: 'POST /c', body: { a: 1 } }));
    expect(calls).toBe(1);
    await failureOf(http.request({ method: 'POST', url: `${server.url}/c`, endpoint: 'POST /c', body: { a: 1 }, idempotencyKey: 'k1' }));
    expect(calls).toBe(4);
  });

  it('does not retry client errors and maps them to domain codes with the Jira field messages', async () => {
    server = await startLocalServer((req, res) => {
      if (req.url === '/401') return json(res, 401, {});
      return json(res, 400, { errorMessages: [], errors: { summary: 'Summary is required' } });
    });
    const { http, clock } = transport();
    const bad = await failureOf(http.request({ method: 'GET', url: `${server.url}/400`, endpoint: 'GET /400' }));
    expect(bad.code).toBe('validation');
    expect(bad.details).toEqual(['summary: Summary is required']);
    expect((await failureOf(http.request({ method: 'GET', url: `${server.url}/401`, endpoint: 'GET /401' }))).code).toBe('unauthorized');
    expect(clock.sleeps).toEqual([]);
  });

  it('times out a hanging server and reports the endpoint', async () => {
    server = await startLocalServer(() => undefined);
    const { http } = transport({ timeoutMs: 150, maxAttempts: 2 });
    const e = await failureOf(http.request({ method: 'GET', url: `${server.url}/hang`, endpoint: 'GET /hang' }));
    expect(e.kind).toBe('timeout');
    expect(e.message).toContain('within 150 ms');
  });

  it('stops at once when the caller cancels', async () => {
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    server = await startLocalServer(() => arrived());
    const { http } = transport();
    const controller = new AbortController();
    const pending = http.request({ method: 'GET', url: `${server.url}/hang`, endpoint: 'GET /hang', signal: controller.signal });
    await reached; // cancel while the server holds the request, not before it was made
    controller.abort();
    const e = await failureOf(pending);
    expect(e.kind).toBe('cancelled');
    expect(e.notSent).toBe(false);
  });

  it('reports truncated JSON as a payload error naming the endpoint', async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"issues":[{"id":"1"');
    });
    const { http } = transport();
    const e = await failureOf(http.request({ method: 'GET', url: `${server.url}/s`, endpoint: 'GET /rest/api/3/search/jql' }));
    expect(e.kind).toBe('payload');
    expect(e.message).toContain('GET /rest/api/3/search/jql');
  });

  it('tells DNS failures and bad URLs apart from other network errors', async () => {
    const { http } = transport({ maxAttempts: 1 });
    expect((await failureOf(http.request({ method: 'GET', url: 'not a url', endpoint: 'GET /' }))).kind).toBe('bad_url');
    expect((await failureOf(http.request({ method: 'GET', url: 'http://firebreak-no-such-host.invalid/', endpoint: 'GET /' }))).kind).toBe('dns');
    expect((await failureOf(http.request({ method: 'GET', url: 'http://127.0.0.1:1/', endpoint: 'GET /' }))).kind).toBe('network');
  });

  it('says which failures provably never reached the server (refused, DNS, 429) and keeps the server wait', async () => {
    const { http } = transport({ maxAttempts: 1 });
    const closed = await startLocalServer(() => undefined);
    await closed.close(); // nothing listens there any more: the connection is refused
    const refused = await failureOf(http.request({ method: 'POST', url: `${closed.url}/`, endpoint: 'POST /', body: {} }));
    expect(refused.message).toContain('ECONNREFUSED');
    expect(refused.notSent).toBe(true);
    expect((await failureOf(http.request({ method: 'POST', url: 'http://firebreak-no-such-host.invalid/', endpoint: 'POST /', body: {} }))).notSent).toBe(true);
    server = await startLocalServer((req, res) => (req.url === '/busy' ? json(res, 429, {}, { 'Retry-After': '40' }) : json(res, 503, {})));
    const limited = await failureOf(http.request({ method: 'POST', url: `${server.url}/busy`, endpoint: 'POST /busy', body: {} }));
    expect(limited).toMatchObject({ notSent: true, retryAfterMs: 40_000 });
    // A 503 may come from a gateway after the write was applied: in doubt.
    expect((await failureOf(http.request({ method: 'POST', url: `${server.url}/down`, endpoint: 'POST /down', body: {} }))).notSent).toBe(false);
  });

  it('keeps at most N requests in flight per host', async () => {
    let inFlight = 0;
    let peak = 0;
    server = await startLocalServer(async (_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      json(res, 200, {});
    });
    const { http } = transport({ limiter: new HostLimiter(2) });
    await Promise.all(Array.from({ length: 8 }, (_, i) => http.request({ method: 'GET', url: `${server!.url}/${i}`, endpoint: 'GET /n' })));
    expect(peak).toBe(2);
  });

  it('sends query arrays as repeated keys', async () => {
    let seen = '';
    server = await startLocalServer((req, res) => {
      seen = req.url ?? '';
      json(res, 200, {});
    });
    const { http } = transport();
    await http.request({ method: 'GET', url: `${server.url}/incidents`, endpoint: 'GET /incidents', query: { 'statuses[]': ['triggered', 'acknowledged'], limit: 25, skip: undefined } });
    expect(seen).toBe('/incidents?statuses%5B%5D=triggered&statuses%5B%5D=acknowledged&limit=25');
  });
});

describe('parsePayload', () => {
  it('names the endpoint and the field that did not match', () => {
    const schema = z.object({ incident: z.object({ id: z.string(), status: z.enum(['triggered', 'acknowledged', 'resolved']) }) });
    expect(() => parsePayload(schema, { incident: { id: 'P1', status: 'exploded' } }, 'GET /incidents/{id}', 'PagerDuty')).toThrow(
      /PagerDuty answered GET \/incidents\/\{id\} with an unexpected payload at incident\.status/,
    );
  });
});
