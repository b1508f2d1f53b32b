// Every mutating call carries a fresh request id, and the browser transport sends the same id again when it retries.
import { describe, expect, it } from 'vitest';
import { REQUEST_ID_PATTERN } from '../../../shared/ipc';
import { createClient, type Transport } from './client';
import { createHttpTransport, RETRY_PAUSES_MS } from './http-transport';

const location = { href: 'http://127.0.0.1:1/' } as Location;

describe('client request ids', () => {
  it('gives each mutating call its own id and reads none', async () => {
    const seen: { channel: string; requestId?: string }[] = [];
    const transport: Transport = {
      invoke: (channel, _input, requestId) => (seen.push({ channel, ...(requestId ? { requestId } : {}) }), Promise.resolve({ ok: true, value: null })),
      subscribe: () => () => undefined,
    };
    const client = createClient(transport, 'http');
    await client.call('incidents.addNote', { incidentId: 'abc-1', text: 'one' });
    await client.call('incidents.addNote', { incidentId: 'abc-1', text: 'two' });
    await client.call('incidents.list', {});
    expect(seen[0]!.requestId).toMatch(REQUEST_ID_PATTERN);
    expect(seen[1]!.requestId).toMatch(REQUEST_ID_PATTERN);
    expect(seen[1]!.requestId).not.toBe(seen[0]!.requestId);
    expect(seen[2]!.requestId).toBeUndefined();
  });

  it('retries a write whose connection failed, with the same id, until the host answers', async () => {
    const ids: (string | null)[] = [];
    const fetchStub = (async (_url: string, init: RequestInit) => {
      ids.push(new Headers(init.headers).get('idempotency-key'));
      if (ids.length < 3) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ ok: true, value: { seq: 7 } }), { status: 200 });
    }) as typeof fetch;
    const pauses: number[] = [];
    const transport = createHttpTransport(location, { token: 't', fetch: fetchStub, pause: (ms) => (pauses.push(ms), Promise.resolve()) });
    expect(await transport.invoke('incidents.addNote', { incidentId: 'abc-1', text: 'x' }, 'request-id-0000000001')).toEqual({ ok: true, value: { seq: 7 } });
    expect(ids).toEqual(['request-id-0000000001', 'request-id-0000000001', 'request-id-0000000001']);
    expect(pauses).toEqual(RETRY_PAUSES_MS.slice(0, 2));
  });

  it('never retries a write without an id, and gives up after the last pause', async () => {
    let calls = 0;
    const failing = (async () => {
      calls++;
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const transport = createHttpTransport(location, { token: 't', fetch: failing, pause: () => Promise.resolve() });
    await expect(transport.invoke('incidents.addNote', {}, undefined)).rejects.toThrow('Failed to fetch');
    expect(calls).toBe(1);
    await expect(transport.invoke('incidents.addNote', {}, 'request-id-0000000002')).rejects.toThrow('Failed to fetch');
    expect(calls).toBe(1 + RETRY_PAUSES_MS.length + 1);
  });
});
