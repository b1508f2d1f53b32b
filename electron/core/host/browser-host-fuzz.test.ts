// Property-based fuzzing of the browser host at the HTTP level: any path, method, header and body gets a well-formed
// answer (never a 500, never a hang), unauthenticated requests never reach the core, and API answers are Result envelopes.
import fc from 'fast-check';
import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { channels } from '../../../shared/ipc';
import { startCore, type FirebreakCore } from '../firebreak-core';
import { startBrowserHost, type BrowserHost } from './browser-host';

let dataDir: string;
let core: FirebreakCore;
let host: BrowserHost;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-host-fuzz-'));
  await writeFile(join(dataDir, 'index.html'), '<!doctype html>');
  core = await startCore({ dataDir, assetsDir: join(__dirname, '..', '..', '..', 'assets'), mode: 'browser', version: 'fuzz', operator: 'fuzzer' });
  host = await startBrowserHost({ router: core.router, hub: core.hub, rendererDir: dataDir });
});
afterAll(async () => {
  await host.close();
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

// A fresh connection per case: fuzz cases stay independent of keep-alive reuse after early answers.
function send(method: string, path: string, headers: Record<string, string>, body: Buffer | undefined): Promise<{ status: number; text: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${host.origin}${path}`, { method, headers: { ...headers, host: new URL(host.origin).host }, timeout: 10_000, agent: false }, (res) => {
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        // An authorised event stream stays open by design: its headers are the answer.
        resolve({ status: res.statusCode ?? 0, text: '', type: 'text/event-stream' });
        req.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('timeout', () => req.destroy(new Error('host did not answer')));
    req.on('error', reject);
    req.end(body);
  });
}

const path = fc.oneof(
  fc.constantFrom(...channels).map((c) => `/api/rpc/${c}`),
  fc.webPath().map((p) => `/api/rpc${p}`),
  fc.webPath(),
  fc.constantFrom('/api/events?token=x', '/api/', '/%2e%2e/%2e%2e/etc/passwd', '/api/rpc/../../x'),
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.json().map((j) => Buffer.from(j)),
  fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)),
  fc.string().map((s) => Buffer.from(s)),
);

it('answers any request with a well-formed response and keeps the core behind the token', { timeout: 120_000 }, async () => {
  const dispatch = vi.spyOn(core.router, 'dispatch');
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'), path, fc.boolean(), fc.boolean(), body, async (method, p, withToken, json, payload) => {
      dispatch.mockClear();
      const headers: Record<string, string> = {};
      if (withToken) headers.authorization = `Bearer ${host.token}`;
      if (json) headers['content-type'] = 'application/json';
      const res = await send(method, p, headers, method === 'GET' ? undefined : payload);
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(500);
      // Classify by the path the server sees after URL normalisation ("/api/rpc/../../x" is "/x").
      let seen = p;
      try {
        seen = new URL(`http://127.0.0.1${p.startsWith('/') ? '' : '/'}${p}`).pathname;
      } catch {
        seen = '';
      }
      if (seen.startsWith('/api/') && !seen.startsWith('/api/events')) {
        const parsed = JSON.parse(res.text) as { ok: boolean; error?: { code: string } };
        expect(typeof parsed.ok).toBe('boolean');
        if (!withToken) {
          expect(res.status).toBe(401);
          expect(dispatch).not.toHaveBeenCalled();
        }
      }
    }),
    { numRuns: 300 },
  );
});
