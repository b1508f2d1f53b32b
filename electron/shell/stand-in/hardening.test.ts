// Electron hardening of the built main on the stand-in: permissions decided per requesting frame, every navigation path
// guarded, links leave only through the guarded helper (http after a confirmation), no DevTools or reload when packaged.
import { describe, expect, it, vi } from 'vitest';
import { useDesktop } from './desktop-fixture';
import { repoRoot } from './load-built-app';
import { DEVELOPER_ROLES } from './os-services';

const desktop = useDesktop();

async function appWindow(options: Parameters<typeof desktop.start>[0] = {}) {
  const { app } = await desktop.start(options);
  const win = app.windows()[0]!;
  return { app, win, wc: win.webContents, page: win.webContents.standIn };
}

describe('Electron hardening (built main on the stand-in)', () => {
  it("grants clipboard writes and notifications to the app's own frame only; decides on the requesting frame, not the window URL", async () => {
    const { page } = await appWindow();
    expect(await page.requestPermission('clipboard-sanitized-write')).toBe(true);
    expect(await page.requestPermission('notifications')).toBe(true);
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal']) expect(await page.requestPermission(p), p).toBe(false);
    // A foreign frame inside the app's window: the window's URL is the app, the requesting frame is not.
    expect(await page.requestPermission('clipboard-sanitized-write', 'https://evil.example/frame', false)).toBe(false);
    expect(page.checkPermission('clipboard-sanitized-write', 'https://evil.example/frame', false)).toBe(false);
    expect(page.checkPermission('clipboard-sanitized-write')).toBe(true);
    expect(page.checkPermission('geolocation')).toBe(false);
  });

  it('keeps every frame in the app: will-navigate, will-frame-navigate and will-redirect are guarded, webviews refused', async () => {
    const { app, wc, page } = await appWindow();
    const appUrl = wc.getURL();
    expect(page.navigate('https://evil.example/')).toBe(false);
    expect(page.navigateSubframe('https://evil.example/frame')).toBe(false);
    expect(page.redirect('https://evil.example/landing')).toBe(false);
    expect(page.attachWebview()).toBe(false);
    expect(wc.getURL()).toBe(appUrl);
    // The app's own pages stay reachable.
    expect(page.navigateSubframe(appUrl)).toBe(true);
    expect(page.redirect(appUrl)).toBe(true);
    // A blocked top-level https link goes to the OS browser instead.
    await vi.waitFor(() => expect(app.os.openedExternally).toEqual(['https://evil.example/']));
  });

  it('opens https links in the OS browser, plain http only after the user confirms, nothing else', async () => {
    const { app, page } = await appWindow();
    expect(page.windowOpen('https://status.example.com/')).toBe('deny');
    await vi.waitFor(() => expect(app.os.openedExternally).toEqual(['https://status.example.com/']));
    expect(app.os.messageBoxes).toHaveLength(0);

    // The user cancels the warning: nothing opens.
    page.windowOpen('http://grafana.internal/d/abc');
    await vi.waitFor(() => expect(app.os.messageBoxes).toHaveLength(1));
    expect(app.os.messageBoxes[0]!.message).toContain('grafana.internal');
    expect(app.os.openedExternally).toEqual(['https://status.example.com/']);

    // The user agrees: it opens.
    app.os.respond = () => 0;
    page.windowOpen('http://grafana.internal/d/abc');
    await vi.waitFor(() => expect(app.os.openedExternally).toEqual(['https://status.example.com/', 'http://grafana.internal/d/abc']));

    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'https://user:pass@example.com/', 'smb://share/x']) expect(page.windowOpen(url), url).toBe('deny');
    expect(app.os.messageBoxes).toHaveLength(2);
    expect(app.os.openedExternally).toHaveLength(2);
  });

  it('a packaged build has no DevTools and no reload in its menu; a development build keeps them', async () => {
    const packaged = await appWindow({ isPackaged: true, resourcesPath: repoRoot });
    expect(packaged.win.options.webPreferences!.devTools).toBe(false);
    packaged.wc.openDevTools();
    expect(packaged.wc.isDevToolsOpened()).toBe(false);
    const packagedRoles = packaged.app.os.applicationMenu!.flatten().map((i) => i.role);
    expect(packagedRoles.filter((r) => r && DEVELOPER_ROLES.has(r))).toEqual([]);
    expect(packagedRoles).toContain('togglefullscreen');
    await desktop.quit(packaged.app);

    const dev = await appWindow();
    expect(dev.win.options.webPreferences!.devTools).toBe(true);
    expect(dev.app.os.applicationMenu!.flatten().map((i) => i.role)).toContain('viewMenu');
  });
});
