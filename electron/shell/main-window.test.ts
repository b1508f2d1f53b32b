// The Electron security checklist, checked on the shell's real code with Electron's API replaced by recording fakes
// (the binary is not needed): isolation, sandbox, CSP, permissions, window.open, navigation, openExternal, IPC sender check.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const recorded = vi.hoisted(() => ({
  windowOptions: undefined as undefined | { webPreferences: Record<string, unknown> },
  windowOpenHandler: undefined as undefined | ((d: { url: string }) => { action: string }),
  listeners: new Map<string, (...args: unknown[]) => void>(),
  permissionHandler: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  headersHandler: undefined as undefined | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  openExternal: vi.fn(async () => undefined),
  ipcHandlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (h: typeof recorded.windowOpenHandler) => (recorded.windowOpenHandler = h),
      on: (name: string, l: (...args: unknown[]) => void) => recorded.listeners.set(name, l),
      send: vi.fn(),
    };
    constructor(options: typeof recorded.windowOptions) {
      recorded.windowOptions = options;
    }
    once() {}
    loadFile = vi.fn(async () => undefined);
    loadURL = vi.fn(async () => undefined);
    isDestroyed = () => false;
  }
  return {
    BrowserWindow,
    shell: { openExternal: recorded.openExternal },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof recorded.permissionHandler) => (recorded.permissionHandler = h),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: (h: typeof recorded.headersHandler) => (recorded.headersHandler = h) },
      },
    },
    ipcMain: {
      handle: (channel: string, h: (event: unknown, input: unknown) => Promise<unknown>) => recorded.ipcHandlers.set(channel, h),
      removeHandler: (channel: string) => recorded.ipcHandlers.delete(channel),
    },
  };
});

import { join } from 'node:path';
import { registerIpc } from './ipc-bridge';
import { createMainWindow, hardenSession } from './main-window';

describe('Electron security checklist', () => {
  beforeEach(async () => {
    recorded.openExternal.mockClear();
    hardenSession();
    await createMainWindow();
  });

  it('creates the window isolated, sandboxed, without Node, with auxclick disabled', () => {
    expect(recorded.windowOptions!.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('grants only clipboard writes and notifications, only to the app itself; sets a strict CSP on every response', () => {
    const app = { getURL: () => `file://${join(__dirname, '..', 'renderer', 'index.html')}` };
    const foreign = { getURL: () => 'https://evil.example/' };
    const ask = (wc: unknown, p: string) => {
      let answer: boolean | undefined;
      recorded.permissionHandler!(wc, p, (ok) => (answer = ok));
      return answer;
    };
    expect(['media', 'geolocation', 'clipboard-read', 'openExternal'].map((p) => ask(app, p))).toEqual([false, false, false, false]);
    expect(['clipboard-sanitized-write', 'notifications'].map((p) => ask(app, p))).toEqual([true, true]);
    expect(['clipboard-sanitized-write', 'notifications'].map((p) => ask(foreign, p))).toEqual([false, false]);
    let headers: Record<string, string[]> = {};
    recorded.headersHandler!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']![0]).toMatch(/default-src 'self'; script-src 'self'.*object-src 'none'/);
  });

  it('denies window.open and sends only http(s) links to the OS browser', async () => {
    expect(recorded.windowOpenHandler!({ url: 'https://status.example.com' })).toEqual({ action: 'deny' });
    expect(recorded.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(recorded.openExternal).toHaveBeenCalledTimes(1));
    expect(recorded.openExternal).toHaveBeenCalledWith('https://status.example.com/');
  });

  it('blocks navigation away from the app and webview attachment', () => {
    const prevented: string[] = [];
    const event = (name: string) => ({ preventDefault: () => prevented.push(name) });
    recorded.listeners.get('will-navigate')!(event('foreign'), 'https://evil.example/');
    recorded.listeners.get('will-attach-webview')!(event('webview'));
    expect(prevented).toEqual(['foreign', 'webview']);
  });

  it("answers IPC only from the app's own frame", async () => {
    const core = { router: { dispatch: vi.fn(async () => ({ ok: true, value: 'yes' })) }, hub: { subscribe: () => () => undefined } };
    registerIpc(core as never, () => []);
    const handler = recorded.ipcHandlers.get('incidents.list')!;
    const trustedUrl = `file://${join(__dirname, '..', 'renderer', 'index.html')}`;
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(core.router.dispatch).not.toHaveBeenCalled();
    expect(await handler({ senderFrame: { url: trustedUrl } }, {})).toEqual({ ok: true, value: 'yes' });
  });
});
