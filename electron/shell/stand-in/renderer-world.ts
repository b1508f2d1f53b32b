// The renderer side of the stand-in: runs a built preload the way a sandboxed Electron renderer does (its own realm, `require`
// limited to 'electron'), with ipcRenderer and a contextBridge that copies values across worlds the way Electron does:
// functions become proxies both ways, promises are proxied, everything else is structured-cloned, so non-cloneable values fail.
import * as events from 'node:events';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import * as timers from 'node:timers';
import * as url from 'node:url';
import { compileFunction, createContext } from 'node:vm';

/** What the main process sees of a renderer frame (Electron's WebFrameMain, reduced to what the shell reads). */
export interface StandInFrame {
  readonly url: string;
  readonly origin: string;
  readonly isMainFrame: boolean;
}

/** The main-process end a renderer talks to: ipcMain's handlers and the event listeners of one webContents. */
export interface MainProcessEnd {
  invoke(frame: StandInFrame, channel: string, args: unknown[]): Promise<unknown>;
}

export function frameFor(url: string, isMainFrame = true): StandInFrame {
  let origin = 'null';
  try {
    const parsed = new URL(url);
    origin = parsed.protocol === 'file:' ? 'file://' : parsed.origin;
  } catch {
    // about:blank and the like keep the opaque origin.
  }
  return Object.freeze({ url, origin, isMainFrame });
}

/** Electron's structured clone over IPC: same algorithm, same failure for functions, symbols, DOM-less host objects. */
function ipcClone<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch (e) {
    throw new Error(`An object could not be cloned. (${(e as Error).message})`);
  }
}

/** Copies a value from one world to the other as contextBridge does. */
export function bridgeCopy(value: unknown, depth = 0): unknown {
  if (depth > 1000) throw new Error('Object is too deep to be copied over the context bridge.');
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => bridgeCopy(fn(...args.map((a) => bridgeCopy(a, 0))), 0);
  }
  if (value instanceof Promise || (value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function')) {
    return Promise.resolve(value as Promise<unknown>).then((v) => bridgeCopy(v, 0));
  }
  if (Array.isArray(value)) return value.map((v) => bridgeCopy(v, depth + 1));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bridgeCopy(v, depth + 1)]));
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(Object.getPrototypeOf(value) ?? {}) === null && !(value instanceof Error)) {
    // A plain object from another realm (the preload's own Object.prototype).
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bridgeCopy(v, depth + 1)]));
  }
  return ipcClone(value);
}

export interface RendererDocument {
  readonly frame: StandInFrame;
  /** The page's `window`: what contextBridge.exposeInMainWorld put there. */
  readonly mainWorld: Record<string, unknown>;
  /** An error the preload threw (Electron reports it as 'preload-error' and the page loads without the API). */
  readonly preloadError?: Error;
  /** The ipcRenderer listeners of this document, by channel (for tests that check unsubscribe). */
  listenerCount(channel: string): number;
  deliver(channel: string, args: unknown[]): void;
}

export interface PreloadOptions {
  preloadPath?: string;
  contextIsolation: boolean;
  sandbox: boolean;
  main: MainProcessEnd;
}

/** Loads one document: a fresh renderer (new realm, new ipcRenderer) that runs the preload, if any, before the page. */
export function loadDocument(url: string, options: PreloadOptions): RendererDocument {
  const frame = frameFor(url);
  const mainWorld: Record<string, unknown> = {};
  const listeners = new EventEmitter();
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => {
      let cloned: unknown[];
      try {
        cloned = ipcClone(args);
      } catch (e) {
        return Promise.reject(e as Error);
      }
      return options.main.invoke(frame, channel, cloned).then((v) => ipcClone(v));
    },
    on(channel: string, listener: (...args: unknown[]) => void) {
      listeners.on(channel, listener);
      return ipcRenderer;
    },
    once(channel: string, listener: (...args: unknown[]) => void) {
      listeners.once(channel, listener);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      listeners.removeListener(channel, listener);
      return ipcRenderer;
    },
    off(channel: string, listener: (...args: unknown[]) => void) {
      listeners.removeListener(channel, listener);
      return ipcRenderer;
    },
    removeAllListeners(channel?: string) {
      listeners.removeAllListeners(channel);
      return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      if (!options.contextIsolation) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
      if (key in mainWorld) throw new Error(`Cannot bind an API on top of an existing property on the window object (${key})`);
      mainWorld[key] = bridgeCopy(api);
    },
  };
  const rendererElectron = Object.freeze({ ipcRenderer, contextBridge });
  let preloadError: Error | undefined;
  if (options.preloadPath) {
    try {
      runPreload(options.preloadPath, rendererElectron, options.sandbox);
    } catch (e) {
      preloadError = e as Error;
    }
  }
  return {
    frame,
    mainWorld,
    ...(preloadError ? { preloadError } : {}),
    listenerCount: (channel) => listeners.listenerCount(channel),
    deliver(channel, args) {
      const cloned = ipcClone(args);
      // Messages from the main process arrive asynchronously, as a task in the renderer.
      setImmediate(() => listeners.emit(channel, { sender: ipcRenderer, senderId: 0, ports: [] }, ...cloned));
    },
  };
}

/** A sandboxed preload may require only 'electron' and a few polyfilled modules; anything else throws as in Electron. */
const SANDBOX_MODULES: Record<string, unknown> = { events, timers, url };

function runPreload(path: string, rendererElectron: object, sandbox: boolean): void {
  const code = readFileSync(path, 'utf8');
  const realm = createContext({ console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, URL, TextEncoder, TextDecoder });
  const sandboxRequire = (name: string): unknown => {
    if (name === 'electron') return rendererElectron;
    if (sandbox ? Object.hasOwn(SANDBOX_MODULES, name) : Object.hasOwn(SANDBOX_MODULES, name.replace(/^node:/, ''))) return SANDBOX_MODULES[name.replace(/^node:/, '')];
    throw new Error(`module not found: ${name}`);
  };
  const module = { exports: {} as unknown };
  const run = compileFunction(code, ['require', 'module', 'exports'], { parsingContext: realm, filename: path });
  run(sandboxRequire, module, module.exports);
}
