// Tests for the kill-switch request against a local HTTP server: 200, 4xx, 5xx, timeout and an unreachable endpoint.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendKillSwitch } from './kill-switch-request';

let server: Server;
let base = '';
const seen: { method?: string; url?: string; auth?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      if (req.url === '/flags/checkout-v2/off') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"enabled":false}');
      if (req.url === '/flags/unknown/off') return res.writeHead(404).end('{"error":"no such flag"}');
      if (req.url === '/flags/denied/off') return res.writeHead(403).end('forbidden');
      if (req.url === '/slow') return setTimeout(() => res.writeHead(200).end('late'), 2_000);
      res.writeHead(500).end('boom');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const spec = (path: string, timeoutMs = 2_000) => ({ url: `${base}${path}`, method: 'POST' as const, headers: { authorization: 'Bearer ${env:FB_FLAG_TOKEN}' }, body: '{"enabled":false}', timeoutMs });

describe('sendKillSwitch', () => {
  it('succeeds on 200 and sends the configured method, headers (env expanded) and body', async () => {
    process.env.FB_FLAG_TOKEN = 'tok';
    const result = await sendKillSwitch(spec('/flags/checkout-v2/off'));
    expect(result).toMatchObject({ outcome: 'ok', status: 200, body: '{"enabled":false}' });
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/flags/checkout-v2/off', auth: 'Bearer tok', body: '{"enabled":false}' });
  });

  it('fails with the status and body on 4xx, with a credentials hint on 403', async () => {
    expect(await sendKillSwitch(spec('/flags/unknown/off'))).toMatchObject({ outcome: 'http_error', status: 404, body: '{"error":"no such flag"}' });
    const denied = await sendKillSwitch(spec('/flags/denied/off'));
    expect(denied.message).toContain('credentials');
  });

  it('times out with a message that says the flag state is unknown', async () => {
    const result = await sendKillSwitch(spec('/slow', 200));
    expect(result.outcome).toBe('timeout');
    expect(result.message).toContain('may or may not have changed');
  });

  it('reports an endpoint that refuses connections', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const result = await sendKillSwitch({ ...spec('/x'), url: `http://127.0.0.1:${port}/x` });
    expect(result.outcome).toBe('unreachable');
    expect(result.message).toContain('ECONNREFUSED');
  });
});
