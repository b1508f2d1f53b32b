// The BUILT main (out/main/index.js) and preload (out/preload/index.js) on the electron stand-in: window options, the exposed
// API, every channel through the preload into the real core, subscriptions, the sender check, the quit sequence, one instance.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { channels, eventNames } from '../../../shared/ipc';
import { apiOf, useDesktop } from './desktop-fixture';
import { STAND_IN_MARKER } from './electron-stand-in';
import { builtMain, builtPreload } from './load-built-app';

const desktop = useDesktop();

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
const isEnvelope = (r: unknown): r is Envelope => {
  const v = r as Envelope;
  if (!v || typeof v !== 'object' || typeof v.ok !== 'boolean') return false;
  return v.ok ? 'value' in v : typeof v.error?.code === 'string' && typeof v.error.message === 'string';
};

describe('the built desktop app on the electron stand-in', () => {
  it('creates the window, once ready, isolated, sandboxed, without Node, with the built preload and a strict CSP', async () => {
    const app = desktop.launch();
    const win = await app.firstLoadedWindow();
    const prefs = win.options.webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, devTools: true });
    expect(prefs.preload).toBe(builtPreload);
    expect(win.webContents.getURL()).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html$/);
    expect(win.webContents.standIn.preloadError()).toBeUndefined();
    const headers = await win.webContents.session.responseHeaders(win.webContents.getURL(), {});
    expect(headers['Content-Security-Policy']![0]).toMatch(/default-src 'self'; script-src 'self'.*object-src 'none'/);
  });

  it('exposes exactly the contract: one window.firebreak with invoke/subscribe/onMenuCommand, a handler per channel, nothing more', async () => {
    const { app, api } = await desktop.start();
    expect(Object.keys(app.windows()[0]!.webContents.standIn.mainWorld())).toEqual(['firebreak']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onMenuCommand', 'subscribe']);
    expect(app.handledChannels().sort()).toEqual([...channels].sort());
    expect(await api.invoke('app.shutdownEverything', {})).toEqual({ ok: false, error: { code: 'validation', message: 'Unknown request "app.shutdownEverything".' } });
    expect(() => api.subscribe('secrets.leaked', () => undefined)).toThrow(/Unknown event/);
  });

  it('answers every channel, invoked through the exposed API, from the real core with the Result envelope', async () => {
    const { api } = await desktop.start();
    for (const channel of channels) {
      // A number is not valid input for any channel: the core's router answers, naming the channel.
      const result = await api.invoke(channel, 42);
      expect(isEnvelope(result), channel).toBe(true);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining(`Invalid input for ${channel}`) } });
    }
    const declared = (await api.invoke('incidents.declare', { title: 'Preload reaches the core', severity: 'SEV3', commander: 'ana' })) as Envelope;
    expect(declared).toMatchObject({ ok: true, value: { title: 'Preload reaches the core', status: 'investigating' } });
    const listed = (await api.invoke('incidents.list', {})) as { ok: true; value: { state: { title: string } }[] };
    expect(listed.value.map((i) => i.state.title)).toContain('Preload reaches the core');
  });

  it('refuses values that cannot cross the bridge, as Electron does', async () => {
    const { api } = await desktop.start();
    await expect(api.invoke('incidents.list', { callback: () => 1 })).rejects.toThrow(/could not be cloned/);
  });

  it('delivers pushed events to subscribers and stops after unsubscribing', async () => {
    const { app, api } = await desktop.start();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = api.subscribe('incidents.listChanged', first);
    api.subscribe('incidents.listChanged', second);
    expect(eventNames).toContain('incidents.listChanged');
    await api.invoke('incidents.declare', { title: 'First event', severity: 'SEV4', commander: 'ana' });
    await vi.waitFor(() => expect(first).toHaveBeenCalled());
    await vi.waitFor(() => expect(second).toHaveBeenCalled());
    stopFirst();
    expect(app.windows()[0]!.webContents.standIn.listenerCount('firebreak:event')).toBe(1);
    const before = { first: first.mock.calls.length, second: second.mock.calls.length };
    await api.invoke('incidents.declare', { title: 'Second event', severity: 'SEV4', commander: 'ana' });
    await vi.waitFor(() => expect(second.mock.calls.length).toBeGreaterThan(before.second));
    expect(first.mock.calls.length).toBe(before.first);
  });

  it('forwards menu commands to the focused window', async () => {
    const { app, api } = await desktop.start();
    const commands: string[] = [];
    api.onMenuCommand((c) => commands.push(c));
    app.os.applicationMenu!.click('Declare Incident…', app.windows()[0]);
    await vi.waitFor(() => expect(commands).toEqual(['declare']));
  });

  it('refuses a request from a frame that is not the app, even through the real preload', async () => {
    const { app } = await desktop.start();
    const wc = app.windows()[0]!.webContents;
    // A programmatic load skips will-navigate (as in Electron), so the preload runs in a foreign page.
    await wc.loadURL('https://evil.example/');
    const foreignApi = apiOf(app);
    expect(await foreignApi.invoke('incidents.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('https://evil.example/') } });
  });

  it('waits on quit until the core has closed: log sealed, application log flushed, before the process exits', async () => {
    const { app, api } = await desktop.start();
    const declared = (await api.invoke('incidents.declare', { title: 'Sealed on quit', severity: 'SEV2', commander: 'ana' })) as { ok: true; value: { id: string } };
    await api.invoke('incidents.addNote', { incidentId: declared.value.id, text: 'before quitting' });
    const log = join(desktop.dataDir, 'incidents', declared.value.id, 'events.jsonl');
    const appLog = join(desktop.dataDir, 'logs', 'firebreak.log');
    let atExit: { sealed: boolean; stopped: boolean } | undefined;
    // Checked synchronously at the moment the process would end: nothing scheduled after it would ever run.
    app.app.onExit(() => (atExit = { sealed: existsSync(`${log}.seal`), stopped: existsSync(appLog) && readFileSync(appLog, 'utf8').includes('Firebreak core stopped') }));
    expect(await desktop.quit(app)).toBe(0);
    expect(atExit).toEqual({ sealed: true, stopped: true });
  });

  it('shows the reason in a dialog and exits with 1 when the core cannot start', async () => {
    const notADirectory = join(desktop.home, 'data-is-a-file');
    writeFileSync(notADirectory, 'not a directory');
    process.env.FIREBREAK_DATA_DIR = notADirectory;
    const app = desktop.launch();
    expect(await app.exited()).toBe(1);
    expect(app.windows()).toHaveLength(0);
    expect(app.os.errorBoxes).toHaveLength(1);
    expect(app.os.errorBoxes[0]!.title).toBe('Firebreak could not start');
    expect(app.os.errorBoxes[0]!.content).toMatch(/ENOTDIR|EEXIST|not a directory/);
    expect(app.os.errorBoxes[0]!.content).toContain(notADirectory);
  });

  it('a second instance focuses the first window and exits without opening a window or a core', async () => {
    const { app: first } = await desktop.start();
    const win = first.windows()[0]!;
    win.minimize();
    const second = desktop.launch();
    expect(await second.exited()).toBe(0);
    expect(second.windows()).toHaveLength(0);
    await vi.waitFor(() => expect(win.isMinimized()).toBe(false));
    expect(first.electron.BrowserWindow.getFocusedWindow()).toBe(win);
  });

  it('never ships the stand-in: the built bundles do not contain it', () => {
    const app = desktop.launch({}, { emitReady: false });
    expect(app.electron.standIn).toBe(STAND_IN_MARKER);
    for (const file of [builtMain, builtPreload, ...app.modules]) expect(readFileSync(file, 'utf8')).not.toContain(STAND_IN_MARKER);
  });
});
