import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type FirebreakCore } from '../firebreak-core';
import { startBrowserHost, type BrowserHost } from './browser-host';

let dataDir: string;
let rendererDir: string;
let core: FirebreakCore;
let host: BrowserHost;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-host-'));
  rendererDir = await mkdtemp(join(tmpdir(), 'firebreak-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>cockpit</title>');
  await writeFile(join(rendererDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  core = await startCore({ dataDir, assetsDir: join(__dirname, '..', '..', '..', 'assets'), mode: 'browser', version: 'test', operator: 'tester' });
  host = await startBrowserHost({ router: core.router, hub: core.hub, rendererDir });
});
afterEach(async () => {
  await host.close();
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(rendererDir, { recursive: true, force: true });
});

const rpc = (channel: string, body: unknown, token: string | null = host.token) =>
  fetch(`${host.origin}/api/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('browser host', () => {
  it('prints a loopback URL with a random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await rpc('incidents.list', {}, null)).status).toBe(401);
    expect((await rpc('incidents.list', {}, 'x'.repeat(host.token.length))).status).toBe(401);
    expect((await fetch(`${host.origin}/api/events`)).status).toBe(401);
  });

  it('gzips large JSON answers for clients that accept it, and only those', async () => {
    const { request } = await import('node:http');
    const { gunzipSync } = await import('node:zlib');
    const declared = (await (await rpc('incidents.declare', { title: 'Login failing', severity: 'SEV2', commander: 'kim', services: ['auth'] })).json()) as { value: { id: string } };
    for (let i = 0; i < 20; i++) await rpc('incidents.addNote', { incidentId: declared.value.id, text: `Observation ${i}: the login queue keeps growing` });
    const raw = (acceptEncoding?: string) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        const body = JSON.stringify({ incidentId: declared.value.id, afterSeq: 0, limit: 100 });
        const req = request(`${host.origin}/api/rpc/timeline.events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
        });
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end(body);
      });
    const plain = await raw();
    const zipped = await raw('gzip, deflate, br');
    expect(plain.encoding).toBeUndefined();
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(JSON.parse(gunzipSync(zipped.body).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
  });

  it('rejects malformed messages with a validation error', async () => {
    const badJson = await rpc('incidents.declare', '{not json');
    expect(badJson.status).toBe(400);
    const invalid = (await (await rpc('incidents.declare', { title: 1, severity: 'SEV7' })).json()) as { ok: boolean; error: { code: string; details: string[] } };
    expect(invalid.ok).toBe(false);
    expect(invalid.error.code).toBe('validation');
    expect(invalid.error.details.join(' ')).toMatch(/severity/);
    const unknown = (await (await rpc('incidents.dropTables', {})).json()) as { error: { code: string } };
    expect(unknown.error.code).toBe('validation');
  });

  it('serves the contract and pushes events over SSE', async () => {
    const events = await fetch(`${host.origin}/api/events?token=${host.token}`);
    const reader = events.body!.getReader();
    const declared = (await (await rpc('incidents.declare', { title: 'Login failing', severity: 'SEV2', commander: 'kim', services: ['auth'] })).json()) as {
      ok: true;
      value: { id: string; status: string };
    };
    expect(declared.ok).toBe(true);
    expect(declared.value.status).toBe('investigating');
    let text = '';
    while (!text.includes('incident.changed')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(declared.value.id);
    await reader.cancel();
  });

  it('refuses requests with a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(`${host.origin}/`, { headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
      req.end();
    });
    expect(status).toBe(421);
  });

  it('serves the renderer with a strict Content-Security-Policy and never escapes its folder', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('cockpit');
    const escape = await fetch(`${host.origin}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });

  it('answers the API with a deny-all policy and no sniffing, without the document headers that mean nothing there', async () => {
    const answer = await rpc('app.info', {});
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    for (const documentOnly of ['referrer-policy', 'cross-origin-opener-policy', 'x-frame-options']) expect(answer.headers.get(documentOnly)).toBeNull();
    const page = await fetch(`${host.origin}/`);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('answers the browser\'s own /favicon.ico with the app icon, not a 404', async () => {
    const icon = await fetch(`${host.origin}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
  });
});
