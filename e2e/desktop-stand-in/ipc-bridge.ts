// Puts a desktop main process (main-process.ts: built main + built preload on the electron stand-in) behind a Chromium page:
// the page gets window.firebreak before any of its scripts run, forwarding each call through page.exposeBinding to the
// exposed preload API in the child. The built renderer is served from out/renderer on a fixed origin via page.route.
import type { Page } from '@playwright/test';
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { FromMain, ToMain } from './main-process';

export const repoRoot = join(__dirname, '..', '..');
export const DESKTOP_ORIGIN = 'http://firebreak.desktop';
const rendererDir = join(repoRoot, 'out', 'renderer');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json' };

export interface DesktopMain {
  keys: string[];
  call(target: string | { handle: number }, args: unknown[]): Promise<unknown>;
  document(): void;
  /** Quits through Electron's sequence (will-quit waits for the core) and resolves with the exit code. */
  quit(): Promise<number>;
  onCallback: (fn: number, args: unknown[]) => void;
  output(): string;
}

export async function startDesktopMain(userData: string, env: NodeJS.ProcessEnv): Promise<DesktopMain> {
  const child: ChildProcess = fork(join(__dirname, 'main-process.ts'), [], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env, FIREBREAK_STAND_IN_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exitCode: ((code: number) => void) | undefined;
  const exited = new Promise<number>((resolve) => (exitCode = resolve));
  const main: DesktopMain = {
    keys: [],
    call(target, args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        // After quitting there is no main process: a call fails the way an unanswered IPC call would.
        if (!child.connected) return reject(new Error('The desktop main process has exited.'));
        pending.set(id, { resolve, reject });
        child.send({ type: 'call', id, target, args } satisfies ToMain);
      });
    },
    document: () => void (child.connected && child.send({ type: 'document' } satisfies ToMain)),
    quit() {
      if (child.connected) child.send({ type: 'quit' } satisfies ToMain);
      return exited;
    },
    onCallback: () => undefined,
    output: () => output,
  };
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => {
      exitCode?.(code ?? 1);
      for (const waiter of pending.values()) waiter.reject(new Error(`The desktop main process exited (${code}).`));
      reject(new Error(`The desktop main process exited (${code}) before it was ready:\n${output}`));
    });
    child.on('message', (message: FromMain) => {
      if (message.type === 'ready') {
        main.keys = message.keys;
        resolve();
      } else if (message.type === 'result') {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) waiter?.resolve(message.value);
        else waiter?.reject(new Error(message.message));
      } else if (message.type === 'callback') main.onCallback(message.fn, message.args);
      else if (message.type === 'exited') exitCode?.(message.code);
    });
  });
  await ready;
  return main;
}

/** Serves out/renderer on DESKTOP_ORIGIN and records every request the page makes there. */
export async function serveBuiltRenderer(page: Page): Promise<string[]> {
  const requested: string[] = [];
  await page.route(`${DESKTOP_ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    requested.push(path);
    const file = normalize(join(rendererDir, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(rendererDir) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    await route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  return requested;
}

/**
 * window.firebreak in the page, with the keys the preload exposed. Function arguments (listeners) cross as ids; a call's
 * result is a thenable function: awaited, it is the value (invoke); called, it calls the returned function (unsubscribe),
 * because the real bridge returns unsubscribe synchronously while this one only learns it asynchronously.
 */
export async function exposeDesktopBridge(page: Page, first: DesktopMain): Promise<{ attach(main: DesktopMain): void }> {
  let main = first;
  const current = () => main;
  await page.exposeBinding('__firebreakBridge', (_source, message: { type: 'document' } | { type: 'call'; target: string | { handle: number }; args: unknown[] }) => {
    if (message.type === 'document') return current().document();
    return current().call(message.target, message.args);
  });
  const deliver = (fn: number, args: unknown[]) => void page.evaluate(({ fn, args }) => (globalThis as unknown as { __firebreakCallback(fn: number, args: unknown[]): void }).__firebreakCallback(fn, args), { fn, args }).catch(() => undefined);
  await page.addInitScript((keys: string[]) => {
    type Bridge = (message: unknown) => Promise<unknown>;
    const w = globalThis as unknown as { __firebreakBridge: Bridge; __firebreakCallback(fn: number, args: unknown[]): void; firebreak?: unknown };
    const callbacks = new Map<number, (...args: unknown[]) => void>();
    let nextFn = 1;
    // Returns at once: the listener runs as its own task, as an IPC message would (and evaluate never waits on what it returns).
    w.__firebreakCallback = (fn, args) => void setTimeout(() => callbacks.get(fn)?.(...args));
    void w.__firebreakBridge({ type: 'document' });
    const call = (target: unknown, args: unknown[]) => {
      const encoded = args.map((a) => {
        if (typeof a !== 'function') return a;
        const fn = nextFn++;
        callbacks.set(fn, a as (...args: unknown[]) => void);
        return { $fn: fn };
      });
      const result = w.__firebreakBridge({ type: 'call', target, args: encoded });
      const callReturned = (...args: unknown[]) => result.then((r) => call({ handle: (r as { $handle: number }).$handle }, args));
      return Object.assign(callReturned, { then: result.then.bind(result) });
    };
    w.firebreak = Object.fromEntries(keys.map((k) => [k, (...args: unknown[]) => call(k, args)]));
  }, first.keys);
  const attach = (next: DesktopMain) => {
    main = next;
    next.onCallback = deliver;
  };
  attach(first);
  return { attach };
}
