// The team's devices and their signing keys, in a JetStream KV bucket (device id → public key, handle, when registered).
// A device registers with KV `create`, which only succeeds while the key is absent: the first registration of a device id
// wins, and a later attempt with another key is refused (and reported), so nobody can take over a laptop's device id by
// registering their own key for it. Receivers follow the bucket; a key that changes under a device id already known in this
// process is not taken (reported instead). An admin revokes a device by overwriting its entry with anything that is not a
// registration (`nats kv put <bucket> <device id> revoked`): every laptop drops the key at once, and since the entry still
// exists the revoked installation cannot register again. Deleting an entry frees the device id (it can register anew).
import type { KV, KvWatchEntry } from '@nats-io/kv';
import { fingerprintOf, parsePublicKey } from '../signing/ed25519';

export interface DeviceEntry {
  deviceId: string;
  handle: string;
  publicKey: string;
  registeredAt: string;
}

export type Registration = { state: 'registered' } | { state: 'taken'; existing: DeviceEntry } | { state: 'revoked' };

/** After a wait for a key ran out, events from unknown devices are held at once for this long (see waitForKey). */
const NO_WAIT_AFTER_MISS_MS = 60_000;

interface Waiter {
  deviceId: string;
  done: () => void;
}

export class DeviceRegistry {
  private readonly keys = new Map<string, DeviceEntry>();
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<() => void>();
  private kv: KV | undefined;
  private watching = false;
  private lastMiss = -Infinity;

  constructor(
    private readonly report: (message: string) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The public key registered for the device (undefined when none is known). */
  keyOf(deviceId: string): string | undefined {
    return this.keys.get(deviceId)?.publicKey;
  }

  list(): DeviceEntry[] {
    return [...this.keys.values()].sort((a, b) => a.handle.localeCompare(b.handle) || a.deviceId.localeCompare(b.deviceId));
  }

  /** Called whenever a device's key became known or was removed. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Uses the team's bucket (again after each reconnect) and follows it. */
  attach(kv: KV): void {
    this.kv = kv;
    void this.follow(kv);
  }

  /** Registers this device's key; never overwrites an entry that holds another key. */
  async register(entry: DeviceEntry): Promise<Registration> {
    const kv = this.kv;
    if (!kv) throw new Error('The team server is not connected.');
    try {
      await kv.create(entry.deviceId, JSON.stringify(entry));
      this.learn(entry);
      return { state: 'registered' };
    } catch (createError) {
      const current = await kv.get(entry.deviceId);
      if (!current || current.operation !== 'PUT') throw createError;
      const existing = parseEntry(current.string(), entry.deviceId);
      if (!existing) return { state: 'revoked' };
      if (existing.publicKey === entry.publicKey) {
        this.learn(existing);
        return { state: 'registered' };
      }
      return { state: 'taken', existing };
    }
  }

  /**
   * The device's key, waiting up to `ms` for it to be registered (a laptop registers as it connects; its first events can
   * arrive first). Once a wait ran out, later lookups do not wait for a minute: a stream of events from unregistered
   * devices is held at once instead of stalling the incident's deliveries three seconds each.
   */
  async waitForKey(deviceId: string, ms: number): Promise<string | undefined> {
    if (this.keyOf(deviceId)) return this.keyOf(deviceId);
    const current = await this.kv?.get(deviceId).catch(() => null);
    if (current?.operation === 'PUT') this.learnText(deviceId, current.string());
    if (this.keyOf(deviceId) || this.now() - this.lastMiss < NO_WAIT_AFTER_MISS_MS) return this.keyOf(deviceId);
    await new Promise<void>((resolve) => {
      const waiter: Waiter = { deviceId, done: () => (clearTimeout(timer), this.waiters.delete(waiter), resolve()) };
      const timer = setTimeout(waiter.done, ms);
      timer.unref?.();
      this.waiters.add(waiter);
    });
    if (!this.keyOf(deviceId)) this.lastMiss = this.now();
    return this.keyOf(deviceId);
  }

  private async follow(kv: KV): Promise<void> {
    if (this.watching) return;
    this.watching = true;
    try {
      const watch = await kv.watch();
      for await (const entry of watch as AsyncIterable<KvWatchEntry>) {
        if (kv !== this.kv) break;
        if (entry.operation === 'PUT') this.learnText(entry.key, entry.string());
        else this.forget(entry.key, `Device ${entry.key} was removed from the team's devices; its events are no longer accepted until it registers again.`);
      }
    } catch {
      // The connection dropped: attach() follows the bucket again after the reconnect.
    } finally {
      this.watching = false;
    }
  }

  private learnText(deviceId: string, text: string): void {
    const entry = parseEntry(text, deviceId);
    if (entry) this.learn(entry);
    else this.forget(deviceId, `Device ${deviceId} was revoked on the team server; its events are held unverified and never added to the log.`);
  }

  private forget(deviceId: string, message: string): void {
    if (!this.keys.delete(deviceId)) return;
    this.report(message);
    this.changed();
  }

  private learn(entry: DeviceEntry): void {
    const known = this.keys.get(entry.deviceId);
    if (known?.publicKey === entry.publicKey) return;
    if (known) {
      // Someone replaced the entry instead of creating it (only an admin should delete one): keep the key first seen.
      this.report(`The team server now lists another key (${fingerprintOf(entry.publicKey)}) for device ${entry.deviceId}; keeping the key registered first (${fingerprintOf(known.publicKey)}).`);
      return;
    }
    this.keys.set(entry.deviceId, entry);
    for (const w of [...this.waiters]) if (w.deviceId === entry.deviceId) w.done();
    this.changed();
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  close(): void {
    this.kv = undefined;
    for (const w of [...this.waiters]) w.done();
  }
}

function parseEntry(text: string, deviceId: string): DeviceEntry | undefined {
  try {
    const e = JSON.parse(text) as Partial<DeviceEntry>;
    if (e.deviceId !== deviceId || typeof e.publicKey !== 'string' || typeof e.handle !== 'string') return undefined;
    parsePublicKey(e.publicKey);
    return { deviceId, handle: e.handle, publicKey: e.publicKey, registeredAt: typeof e.registeredAt === 'string' ? e.registeredAt : '' };
  } catch {
    return undefined;
  }
}
