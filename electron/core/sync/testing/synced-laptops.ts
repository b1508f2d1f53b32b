// Test support: several Firebreak cores ("laptops") in one process, each with its own data directory and its own real
// browser-mode vault (key folder inside the test's temp dir, never the user's home), synced through one real nats-server on a
// free port; and the router calls the sync tests make on them. Every sync test uses this one harness.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, vi } from 'vitest';
import type { SyncStatusView } from '../../../../shared/ipc';
import { startCore, type FirebreakCore } from '../../firebreak-core';
import { openBrowserVault } from '../../secrets/vault-key';
import type { SecretVault } from '../../secrets/secret-vault';
import type { StartupSync } from '../sync-service';
import { NatsServer, type NatsServerOptions } from './nats-server';

/** Calls a channel through the core's router; a failure throws with the channel, the error code and the core's message. */
export async function call<T>(core: FirebreakCore, channel: string, input: unknown): Promise<T> {
  const result = await core.router.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

export const syncStatus = (core: FirebreakCore) => call<SyncStatusView>(core, 'sync.status', {});

/** Waits until the laptop's sync is in `state` (online, offline, error…). */
export const waitForSyncState = (core: FirebreakCore, state: SyncStatusView['state'], timeout = 15000) =>
  vi.waitFor(async () => expect((await syncStatus(core)).state).toBe(state), { timeout, interval: 50 });

export interface SyncedLaptopsOptions {
  /** How the team server is run besides its store directory: a user and password, an nkey user, or a whole configuration
   *  (a function gets the store directory, for configurations that name it, e.g. operator mode's `jetstream { store_dir }`). */
  server?: Omit<NatsServerOptions, 'storeDir' | 'config'> & { config?: string | ((storeDir: string) => string | Promise<string>) };
  /** Keep the temp directory after close (to read the laptops' logs). */
  keep?: boolean;
}

export interface LaptopOptions {
  /** Sync settings at start (credentials, another server); merged over the team server's URL and team. `false`: sync off
   *  at start (the test turns it on through Settings). */
  sync?: StartupSync | false;
  /** Start on this data directory (e.g. of a laptop that was killed) instead of a new one. */
  dataDir?: string;
  /** Another vault instead of the laptop's own browser-mode vault. */
  vault?: SecretVault;
}

export class SyncedLaptops {
  private readonly cores: FirebreakCore[] = [];

  private constructor(
    /** The temp directory holding the laptops' data directories, the server's store, and any files the test writes. */
    readonly root: string,
    readonly server: NatsServer,
    readonly team: string,
    private readonly keep: boolean,
  ) {}

  static async start(name: string, team: string, options: SyncedLaptopsOptions = {}): Promise<SyncedLaptops> {
    const root = await mkdtemp(join(tmpdir(), `fb-${name}-`));
    try {
      return new SyncedLaptops(root, await SyncedLaptops.startServer(root, 'nats', options.server), team, options.keep ?? false);
    } catch (e) {
      await rm(root, { recursive: true, force: true });
      throw e;
    }
  }

  private static async startServer(root: string, dir: string, options: SyncedLaptopsOptions['server'] = {}): Promise<NatsServer> {
    const storeDir = join(root, dir);
    const { config, ...rest } = options;
    const text = typeof config === 'function' ? await config(storeDir) : config;
    return NatsServer.start({ ...rest, storeDir, ...(text ? { config: text } : {}) });
  }

  /** Another nats-server (e.g. one that requires credentials) in this harness's temp dir; the caller stops it. */
  async otherServer(dir: string, options: SyncedLaptopsOptions['server'] = {}): Promise<NatsServer> {
    return SyncedLaptops.startServer(this.root, dir, options);
  }

  get url(): string {
    return this.server.url;
  }

  /** A laptop whose operator is `name`, synced with the team (unless `options.sync` is false). */
  async laptop(name: string, options: LaptopOptions = {}): Promise<FirebreakCore> {
    const dataDir = options.dataDir ?? (await mkdtemp(join(this.root, `${name}-`)));
    const vault = options.vault ?? (await openBrowserVault({ dataDir, keyDir: join(this.root, `keys-${basename(dataDir)}`), env: {} }));
    const sync = options.sync === false ? undefined : { url: this.server.url, team: this.team, ...options.sync };
    const core = await startCore({ dataDir, vault, assetsDir: join(dataDir, 'assets'), mode: 'browser', version: '0.0.0-test', operator: name, seedDemo: false, backgroundSync: false, ...(sync ? { sync } : {}) });
    this.cores.push(core);
    return core;
  }

  /** Waits until every laptop is connected to the team server. */
  async online(...laptops: FirebreakCore[]): Promise<void> {
    for (const l of laptops) await waitForSyncState(l, 'online');
  }

  async close(): Promise<void> {
    for (const core of this.cores) await core.close();
    await this.server.stop();
    if (!this.keep) await rm(this.root, { recursive: true, force: true });
  }
}
