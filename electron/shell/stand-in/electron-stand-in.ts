// A small, faithful stand-in for the `electron` module, used ONLY by tests (never imported by the app, never bundled).
// It lets the BUILT main and preload bundles run in plain Node: one stand-in = one Electron main process.
//
// What it does NOT model (only the real binary proves these — see README "Desktop app: what the tests prove"):
// - Chromium itself: no HTML is parsed, no page script runs, the CSP is recorded but not enforced, no rendering or GPU;
// - real process boundaries: the renderer realm is a node:vm context in the same process, not an OS-sandboxed process;
// - the OS: no native dialogs, menus, notifications or keychain (safeStorage uses an in-memory keyring, or Chromium's
//   public basic_text constants); the single-instance lock is shared between stand-ins in this process, not a real socket;
// - timing: IPC is delivered asynchronously but without Chromium's scheduling; app.exit() does not end this process;
// - anything the shell does not use (protocol, tray, autoUpdater, powerMonitor, webFrame, crashReporter, …): absent, so
//   using it in the shell fails loudly in these tests instead of passing silently.
import { EventEmitter } from 'node:events';
import { StandInBrowserWindow, StandInSession, type WindowHost } from './browser-window';
import { createOsServices, createSafeStorage, StandInKeyring, type StorageBackend } from './os-services';
import type { MainProcessEnd, StandInFrame } from './renderer-world';

/** Present in the stand-in's module object: if the stand-in were ever bundled into the app, this string would be in out/. */
export const STAND_IN_MARKER = 'firebreak-electron-stand-in-never-bundled';

/** The single-instance locks of this "machine", keyed by userData directory. */
const instanceLocks = new Map<string, StandInApp>();

export interface StandInOptions {
  userData: string;
  appPath: string;
  argv?: string[];
  version?: string;
  isPackaged?: boolean;
  resourcesPath?: string;
  storageBackend?: StorageBackend;
  keyring?: StandInKeyring;
}

class StandInApp extends EventEmitter {
  private ready = false;
  private readyWaiters: (() => void)[] = [];
  private quitting = false;
  exitCode: number | undefined;
  private exitWaiters: ((code: number) => void)[] = [];
  readonly isPackaged: boolean;

  constructor(
    private readonly options: StandInOptions,
    private readonly windows: () => StandInBrowserWindow[],
  ) {
    super();
    this.isPackaged = options.isPackaged ?? false;
  }

  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }
  isReady(): boolean {
    return this.ready;
  }
  getPath(name: string): string {
    if (name === 'userData') return this.options.userData;
    throw new Error(`Failed to get '${name}' path (the stand-in knows only userData)`);
  }
  getAppPath(): string {
    return this.options.appPath;
  }
  getVersion(): string {
    return this.options.version ?? '0.0.0-stand-in';
  }
  getName(): string {
    return 'Firebreak';
  }

  requestSingleInstanceLock(additionalData?: unknown): boolean {
    const holder = instanceLocks.get(this.options.userData);
    if (holder && holder !== this && holder.exitCode === undefined) {
      const argv = this.options.argv ?? [];
      setImmediate(() => holder.emit('second-instance', { preventDefault() {} }, argv, this.options.appPath, additionalData ?? null));
      return false;
    }
    instanceLocks.set(this.options.userData, this);
    return true;
  }
  hasSingleInstanceLock(): boolean {
    return instanceLocks.get(this.options.userData) === this;
  }
  releaseSingleInstanceLock(): void {
    if (this.hasSingleInstanceLock()) instanceLocks.delete(this.options.userData);
  }

  /** Electron's order: before-quit, close every window, will-quit, quit. Each of the first three can be prevented. */
  quit(): void {
    if (this.exitCode !== undefined) return;
    const before = preventable();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.quitting = true;
    for (const win of this.windows()) win.close();
    if (this.windows().some((w) => !w.isDestroyed())) {
      this.quitting = false;
      return;
    }
    const willQuit = preventable();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.emit('quit', preventable(), 0);
    this.exit(0);
  }

  /** Ends the "process": windows destroyed without events, lock released. Does not emit before-quit/will-quit. */
  exit(code = 0): void {
    if (this.exitCode !== undefined) return;
    this.quitting = true;
    for (const win of this.windows()) win.destroy();
    this.exitCode = code;
    this.releaseSingleInstanceLock();
    for (const waiter of this.exitWaiters.splice(0)) waiter(code);
  }

  isQuitting(): boolean {
    return this.quitting;
  }
  markReady(): void {
    this.ready = true;
    this.emit('ready', preventable(), {});
    for (const waiter of this.readyWaiters.splice(0)) waiter();
  }
  onExit(listener: (code: number) => void): void {
    if (this.exitCode !== undefined) listener(this.exitCode);
    else this.exitWaiters.push(listener);
  }
}

function preventable() {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
}

export type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

export function createElectronStandIn(options: StandInOptions) {
  const all: StandInBrowserWindow[] = [];
  let focusedWindow: StandInBrowserWindow | undefined;
  const app = new StandInApp(options, () => all.filter((w) => !w.isDestroyed()));
  const handlers = new Map<string, IpcHandler>();
  const defaultSession = new StandInSession();
  const os = createOsServices();
  const keyring = options.keyring ?? new StandInKeyring();

  const windowOf = (frame: StandInFrame) => all.find((w) => !w.isDestroyed() && w.webContents.mainFrame === frame);
  const main: MainProcessEnd = {
    async invoke(frame, channel, args) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
      const sender = windowOf(frame)?.webContents;
      // senderFrame is the frame that sent the message; null once that document is gone, as in Electron.
      const event = { sender, senderFrame: sender ? frame : null, processId: 1, frameId: 1, type: 'frame' };
      try {
        return await handler(event, ...args);
      } catch (e) {
        throw new Error(`Error invoking remote method '${channel}': ${String(e)}`);
      }
    },
  };
  const host: WindowHost = {
    session: defaultSession,
    main,
    created(win) {
      all.push(win);
      app.emit('browser-window-created', preventable(), win);
      app.emit('web-contents-created', preventable(), win.webContents);
    },
    closed(win) {
      if (focusedWindow === win) focusedWindow = undefined;
      const open = all.filter((w) => !w.isDestroyed());
      if (open.length > 0 || app.isQuitting()) return;
      // Without a listener Electron quits by itself when the last window closes.
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
      else app.quit();
    },
    focused(win) {
      focusedWindow = win;
    },
  };

  class BrowserWindow extends StandInBrowserWindow {
    constructor(windowOptions: Record<string, unknown> = {}) {
      super(windowOptions, host);
    }
    static getAllWindows = () => all.filter((w) => !w.isDestroyed());
    static getFocusedWindow = () => (focusedWindow && !focusedWindow.isDestroyed() ? focusedWindow : null);
    static fromWebContents = (wc: unknown) => all.find((w) => w.webContents === wc) ?? null;
  }

  const ipcMain = Object.assign(new EventEmitter(), {
    handle(channel: string, handler: IpcHandler) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    },
    handleOnce(channel: string, handler: IpcHandler) {
      ipcMain.handle(channel, (...args) => {
        handlers.delete(channel);
        return handler(...args);
      });
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  });

  const electron = Object.freeze({
    standIn: STAND_IN_MARKER,
    app,
    BrowserWindow,
    ipcMain,
    session: { defaultSession },
    safeStorage: createSafeStorage(options.storageBackend ?? 'gnome_libsecret', keyring),
    dialog: os.dialog,
    shell: os.shell,
    Menu: os.Menu,
    Notification: os.Notification,
  });

  /** Test controls: drive the "process" and read what it asked of the OS. Not part of Electron's API. */
  const controls = {
    electron,
    app,
    os: os.record,
    keyring,
    handledChannels: () => [...handlers.keys()],
    windows: () => BrowserWindow.getAllWindows(),
    /** Electron finished launching: 'ready' fires and whenReady() resolves. */
    ready: () => app.markReady(),
    /** Resolves with the exit code once the app exits (quit or exit). */
    exited: () => new Promise<number>((resolve) => app.onExit(resolve)),
    /** The first window once it exists and has loaded its page. */
    async firstLoadedWindow(): Promise<StandInBrowserWindow> {
      for (;;) {
        const win = BrowserWindow.getAllWindows()[0];
        if (win && win.webContents.getURL() !== '') return win;
        if (app.exitCode !== undefined) throw new Error(`The app exited (code ${app.exitCode}) before a window loaded.`);
        await new Promise<void>((resolve) => {
          const done = () => resolve();
          app.once('browser-window-created', (_e: unknown, w: StandInBrowserWindow) => w.webContents.once('did-finish-load', done));
          app.onExit(done);
          if (BrowserWindow.getAllWindows()[0]) BrowserWindow.getAllWindows()[0]!.webContents.once('did-finish-load', done);
        });
      }
    },
  };
  return controls;
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;
export { StandInKeyring };
