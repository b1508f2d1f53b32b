// Test support: several Firebreak cores ("laptops") in one process, each with its own data directory, synced through one real
// nats-server on a free port; and the router call the sync tests make on them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import type { SyncStatusView } from '../../../../shared/ipc';
import { startCore, type FirebreakCore } from '../../firebreak-core';
import { NatsServer } from './nats-server';

/** Calls a channel through the core's router; a failure throws with the channel and the core's message. */
export async function call<T>(core: FirebreakCore, channel: string, input: unknown): Promise<T> {
  const result = await core.router.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value as T;
}

export class SyncedLaptops {
  private readonly cores: FirebreakCore[] = [];

  private constructor(
    private readonly root: string,
    private readonly server: NatsServer,
    private readonly team: string,
  ) {}

  static async start(name: string, team: string): Promise<SyncedLaptops> {
    const root = await mkdtemp(join(tmpdir(), `fb-${name}-`));
    return new SyncedLaptops(root, await NatsServer.start({ storeDir: join(root, 'nats') }), team);
  }

  /** A laptop whose operator is `name`, synced with the team. */
  async laptop(name: string): Promise<FirebreakCore> {
    const dataDir = await mkdtemp(join(this.root, `${name}-`));
    const core = await startCore({ dataDir, assetsDir: join(dataDir, 'assets'), mode: 'browser', version: '0.0.0-test', operator: name, seedDemo: false, backgroundSync: false, sync: { url: this.server.url, team: this.team } });
    this.cores.push(core);
    return core;
  }

  /** Waits until every laptop is connected to the team server. */
  async online(...laptops: FirebreakCore[]): Promise<void> {
    for (const l of laptops) await vi.waitFor(async () => expect((await call<SyncStatusView>(l, 'sync.status', {})).state).toBe('online'), { timeout: 15000, interval: 50 });
  }

  async close(): Promise<void> {
    for (const core of this.cores) await core.close();
    await this.server.stop();
    await rm(this.root, { recursive: true, force: true });
  }
}
