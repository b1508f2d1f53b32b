// Request limits of the browser host: a size limit per channel, a cap on large bodies received at once, strict input shapes
// (no unknown keys, bounded nesting), and a clear 400 for a bad %-escape or a body that is not UTF-8.
import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCore, type FirebreakCore } from '../firebreak-core';
import { startBrowserHost, type BrowserHost } from './browser-host';

let dataDir: string;
let core: FirebreakCore;
let host: BrowserHost;
let incidentId: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-host-limits-'));
  await writeFile(join(dataDir, 'index.html'), '<!doctype html><title>cockpit</title>');
  core = await startCore({ dataDir, assetsDir: join(__dirname, '..', '..', '..', 'assets'), mode: 'browser', version: 'test', operator: 'tester', seedDemo: false, backgroundSync: false });
  host = await startBrowserHost({ router: core.router, hub: core.hub, rendererDir: dataDir });
  const declared = await core.router.dispatch('incidents.declare', { title: 'Limits', severity: 'SEV3', commander: 'kim' });
  incidentId = (declared as { value: { id: string } }).value.id;
});
afterEach(async () => {
  await host.close();
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

const post = async (channel: string, body: string | Buffer): Promise<Answer> => {
  const res = await fetch(`${host.origin}/api/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body,
  });
  return { status: res.status, json: (await res.json()) as Answer['json'] };
};

const notes = async () => {
  const result = await core.router.dispatch('timeline.events', { incidentId });
  return (result as { value: { events: { type: string; payload: { text?: string } }[] } }).value.events.filter((e) => e.type === 'note.added');
};

/** Starts a POST that declares `declared` bytes and sends only `sent` of them; the returned function sends the rest. */
function partialPost(channel: string, declared: number, sent: number): { answer: Promise<number>; finish: () => void } {
  const prefix = '{"content":"';
  const suffix = '"}';
  const req = request(`${host.origin}/api/rpc/${channel}`, {
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': declared, authorization: `Bearer ${host.token}` },
  });
  const answer = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
  req.write(prefix + 'a'.repeat(sent - prefix.length));
  return { answer, finish: () => req.end('a'.repeat(declared - sent - suffix.length) + suffix) };
}

describe('browser host request limits', () => {
  it('refuses a note body larger than the note channel allows with 413, before reading all of it', async () => {
    const big = JSON.stringify({ incidentId, text: 'x'.repeat(3 * 1024 * 1024) });
    const answer = await post('incidents.addNote', big);
    expect(answer.status).toBe(413);
    expect(answer.json.error?.message).toMatch(/incidents\.addNote accepts at most 1 MiB/);
    expect(await notes()).toHaveLength(0);
  });

  it('still accepts a review bundle import far larger than a note', async () => {
    const answer = await post('review.importBundle', JSON.stringify({ content: 'not a bundle '.repeat(300_000) }));
    expect(answer.status).toBe(200);
    expect(answer.json.ok).toBe(false);
    expect(answer.json.error?.message).not.toMatch(/at most/);
  });

  it('answers 503 with a clear message while two large bodies are being received, and accepts again afterwards', async () => {
    const size = 8 * 1024 * 1024;
    const first = partialPost('review.importBundle', size, 64 * 1024);
    const second = partialPost('review.importBundle', size, 64 * 1024);
    await vi.waitFor(() => expect(host.largeBodiesInFlight()).toBe(2), { timeout: 10_000 });
    const third = await post('review.importBundle', JSON.stringify({ content: 'b'.repeat(2 * 1024 * 1024) }));
    expect(third.status).toBe(503);
    expect(third.json.error?.message).toMatch(/already receiving 2 large requests/);
    // Small requests are never held up by large ones.
    expect((await post('incidents.list', '{}')).status).toBe(200);
    first.finish();
    second.finish();
    expect(await first.answer).toBe(200);
    expect(await second.answer).toBe(200);
    await vi.waitFor(() => expect(host.largeBodiesInFlight()).toBe(0));
    expect((await post('review.importBundle', JSON.stringify({ content: 'b'.repeat(2 * 1024 * 1024) }))).status).toBe(200);
  });

  it('rejects a 100k-deep object with a clear 400 instead of overflowing the stack', async () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const answer = await post('services.put', `{"service":{"name":"deep","extra":${deep}}}`);
    expect(answer.status).toBe(400);
    expect(answer.json.error?.message).toMatch(/nested deeper than 64 levels/);
  });

  it('rejects keys the contract does not know, naming them, and stores nothing', async () => {
    const answer = await post('incidents.addNote', JSON.stringify({ incidentId, text: 'typo', colour: 'red' }));
    expect(answer.json.ok).toBe(false);
    expect(answer.json.error?.code).toBe('validation');
    expect(answer.json.error?.message).toMatch(/unknown key "colour"/);
    const nested = await post('incidents.declare', JSON.stringify({ title: 'Nested', severity: 'SEV3', commander: 'kim', extra: { a: 1 } }));
    expect(nested.json.error?.message).toMatch(/unknown key "extra"/);
    expect(await notes()).toHaveLength(0);
  });

  it('answers 400 for a static path with a bad %-escape', async () => {
    const res = await fetch(`${host.origin}/assets/%E0%A4%A.js`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/invalid %-escape/);
  });

  it('rejects a body that is not valid UTF-8 with 400 and never stores U+FFFD', async () => {
    const body = Buffer.concat([Buffer.from(`{"incidentId":"${incidentId}","text":"caf`), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const answer = await post('incidents.addNote', body);
    expect(answer.status).toBe(400);
    expect(answer.json.error?.message).toMatch(/not valid UTF-8/);
    expect(await notes()).toHaveLength(0);
  });
});
