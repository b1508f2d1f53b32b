// The device registry's waiting rule, without a server (the bucket is a stand-in that has no entry): the first lookup of an
// unregistered device waits for its key up to the limit; after that ran out, lookups answer at once for a minute, so a stream
// of events from unregistered devices cannot stall an incident's deliveries; a key that arrives wakes the waiting lookup.
import type { KV } from '@nats-io/kv';
import { describe, expect, it } from 'vitest';
import { generateKeyPair, publicKeyText } from '../signing/ed25519';
import { DeviceRegistry } from './device-registry';

/** A bucket with no entries whose create() stores, so register() can add a key while a lookup waits. */
function emptyBucket(): KV {
  const entries = new Map<string, string>();
  return {
    get: async (k: string) => (entries.has(k) ? { operation: 'PUT', string: () => entries.get(k)! } : null),
    create: async (k: string, v: string) => (entries.set(k, v), 1),
    watch: async () => ({ async *[Symbol.asyncIterator]() {} }),
  } as unknown as KV;
}

describe('DeviceRegistry.waitForKey', () => {
  it('waits once for an unregistered device, then answers at once for a minute', async () => {
    let now = 1_000_000;
    const registry = new DeviceRegistry(() => undefined, () => now);
    registry.attach(emptyBucket());
    expect(await registry.waitForKey('dev_nobody', 200)).toBeUndefined();
    now += 30_000;
    // Were this to wait, it would outlast the test's timeout.
    expect(await registry.waitForKey('dev_other', 600_000)).toBeUndefined();
    now += 31_000;
    // A minute after the miss, lookups wait again (a closed registry ends every wait).
    const waiting = registry.waitForKey('dev_later', 600_000);
    let settled = false;
    void waiting.then(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    registry.close();
    expect(await waiting).toBeUndefined();
  });

  it('a key registered while a lookup waits ends the wait with that key', async () => {
    const registry = new DeviceRegistry(() => undefined);
    registry.attach(emptyBucket());
    const key = publicKeyText(generateKeyPair().publicKey);
    const waiting = registry.waitForKey('dev_new', 10_000);
    await registry.register({ deviceId: 'dev_new', handle: 'nia', publicKey: key, registeredAt: '2026-12-02T10:00:00.000Z' });
    expect(await waiting).toBe(key);
    registry.close();
  });
});
