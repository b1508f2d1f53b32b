// What the team-sync journeys share, written once: a real nats-server with its store in a temp folder, browser hosts
// ("laptops") on it, a synced pair of laptops, and the way to Settings → Team sync. Whatever a test starts through the
// `teamSync` fixture is stopped and removed when the test ends, passed or failed, the last started first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { NatsServer } from '../electron/core/sync/testing/nats-server';
import { openCockpit, startHost, stopHost, test as base, type RunningHost } from './fixtures';

export { expect, rpc, screenshotBothThemes } from './fixtures';

/** The team name the synced laptops use. */
export const TEAM = 'e2e';

export interface NatsOptions {
  /** A user nkey public key the server requires. */
  nkey?: string;
  /** A whole server configuration, made from the store directory (operator mode's configuration names it). */
  config?: (storeDir: string) => Promise<string>;
}

export interface SyncedPair {
  server: NatsServer;
  /** @ana's laptop. */
  a: RunningHost;
  /** @ben's laptop. */
  b: RunningHost;
}

export interface TeamSync {
  /** A scratch folder of the test's (e.g. for .creds files), removed when it ends. */
  folder: string;
  /** Starts a real nats-server with JetStream on a free port, its store in the scratch folder. */
  server(options?: NatsOptions): Promise<NatsServer>;
  /** Starts a browser host with its own data directory under the test's. */
  laptop(name: string, env?: NodeJS.ProcessEnv): Promise<RunningHost>;
  /** A new server and two laptops synced through it on team `TEAM`: A is @ana's, B is @ben's. */
  pair(): Promise<SyncedPair>;
  /** Runs `stop` when the test ends, before what was started earlier (e.g. a client connected to the server). */
  onEnd(stop: () => Promise<void>): void;
}

/** The environment that starts a laptop synced with `server` on team `TEAM` (as `npm run web` takes it). */
export const syncedWith = (server: NatsServer): NodeJS.ProcessEnv => ({ FIREBREAK_SYNC_URL: server.url, FIREBREAK_TEAM: TEAM });

export const test = base.extend<{ teamSync: TeamSync }>({
  teamSync: async ({ dataDir }, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'firebreak-e2e-nats-'));
    const stops: (() => Promise<void>)[] = [async () => rmSync(folder, { recursive: true, force: true })];
    let servers = 0;
    const teamSync: TeamSync = {
      folder,
      async server(options = {}) {
        const storeDir = join(folder, `nats-${++servers}`);
        const server = await NatsServer.start({ storeDir, nkey: options.nkey, config: await options.config?.(storeDir) });
        stops.push(() => server.stop());
        return server;
      },
      async laptop(name, env = {}) {
        const host = await startHost(join(dataDir, name), env);
        stops.push(() => stopHost(host));
        return host;
      },
      async pair() {
        const server = await teamSync.server();
        const a = await teamSync.laptop('a', { ...syncedWith(server), FIREBREAK_OPERATOR: 'ana' });
        const b = await teamSync.laptop('b', { ...syncedWith(server), FIREBREAK_OPERATOR: 'ben' });
        return { server, a, b };
      },
      onEnd(stop) {
        stops.push(stop);
      },
    };
    await use(teamSync);
    // Every stop runs even when one fails; the first failure is reported after.
    const failures: unknown[] = [];
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  },
});

/** Opens the cockpit of `host` at laptop size (1366×768). */
export async function openLaptop(page: Page, host: RunningHost): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openCockpit(page, host.url);
}

/** Opens Settings from the incidents list and returns its Team sync section, scrolled into view. */
export async function openTeamSyncSettings(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: 'Settings…', exact: true }).click();
  const section = page.getByRole('region', { name: 'Team sync' });
  await section.scrollIntoViewIfNeeded();
  return section;
}
