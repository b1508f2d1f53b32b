// Test fixture for the built desktop app on the stand-in: a temp home (userData, key folder), launches, and the page's API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll } from 'vitest';
import type { StandInOptions } from './electron-stand-in';
import { assertFreshBuild, launchBuiltMain, repoRoot, type LaunchedApp } from './load-built-app';
import { StandInKeyring } from './os-services';

/** What the preload exposes as window.firebreak (the renderer's PreloadBridge). */
export interface ExposedApi {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(name: string, listener: (payload: unknown) => void): () => void;
  onMenuCommand(listener: (command: string) => void): () => void;
}

export interface Desktop {
  readonly home: string;
  readonly userData: string;
  readonly dataDir: string;
  /** The OS keyring of this "machine" (kept across restarts). */
  readonly keyring: StandInKeyring;
  launch(options?: Partial<StandInOptions>, launch?: { emitReady?: boolean }): LaunchedApp;
  /** Launches and waits for the window's page (with its preload) to load. */
  start(options?: Partial<StandInOptions>): Promise<{ app: LaunchedApp; api: ExposedApi }>;
  /** Quits through Electron's sequence and resolves with the exit code. */
  quit(app: LaunchedApp): Promise<number>;
}

export function apiOf(app: LaunchedApp): ExposedApi {
  const win = app.windows()[0];
  if (!win) throw new Error('The app has no window.');
  const api = win.webContents.standIn.mainWorld().firebreak as ExposedApi | undefined;
  if (!api) throw new Error(`The preload exposed no window.firebreak (${String(win.webContents.standIn.preloadError() ?? 'no preload error')}).`);
  return api;
}

export function useDesktop(): Desktop {
  const launched: LaunchedApp[] = [];
  const state = {} as { home: string; keyring: StandInKeyring };
  beforeAll(() => assertFreshBuild());
  const setUp = () => {
    state.home = mkdtempSync(join(tmpdir(), 'firebreak-desktop-'));
    state.keyring = new StandInKeyring();
    delete process.env.FIREBREAK_DATA_DIR;
    delete process.env.FIREBREAK_VAULT_KEY;
    // The AES vault's key folder: outside the data directory, inside this test's temp home.
    process.env.XDG_STATE_HOME = join(state.home, 'state');
    process.env.FIREBREAK_OPERATOR = 'desktop.tester';
  };
  setUp();
  afterEach(async () => {
    for (const app of launched.splice(0)) {
      if (app.app.exitCode !== undefined) continue;
      app.app.quit();
      await app.exited();
    }
    rmSync(state.home, { recursive: true, force: true });
    setUp();
  });
  const desktop: Desktop = {
    get home() {
      return state.home;
    },
    get userData() {
      return join(state.home, 'userData');
    },
    get dataDir() {
      return join(state.home, 'userData', 'data');
    },
    get keyring() {
      return state.keyring;
    },
    launch(options = {}, launch = {}) {
      const app = launchBuiltMain({ userData: desktop.userData, appPath: repoRoot, keyring: state.keyring, ...options }, launch);
      launched.push(app);
      return app;
    },
    async start(options = {}) {
      const app = desktop.launch(options);
      await app.firstLoadedWindow();
      return { app, api: apiOf(app) };
    },
    async quit(app) {
      app.app.quit();
      return app.exited();
    },
  };
  return desktop;
}
