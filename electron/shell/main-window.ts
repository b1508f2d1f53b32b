// The cockpit window with Electron's security checklist applied: isolation, sandbox, CSP, no window.open, guarded navigation.
import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../core/host/static-files';
import { guardNavigation, isTrustedRendererUrl, openExternalSafely, setTrustedRendererUrl } from './navigation-guard';

/**
 * The cockpit's own page may write to the clipboard (publishing an update) and show notifications (update reminders);
 * every other permission, and every request from any other origin, is denied.
 */
const grantedToTheApp = new Set(['clipboard-sanitized-write', 'notifications']);

const grants = (permission: string, frameUrl: string | undefined) => grantedToTheApp.has(permission) && frameUrl !== undefined && isTrustedRendererUrl(frameUrl);

/** Decided on the requesting frame's URL, not the window's: a frame inside the app's page is not the app. */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) => callback(grants(permission, details.requestingUrl)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission, _origin, details) => grants(permission, details.requestingUrl));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export async function createMainWindow(): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Firebreak',
    show: false,
    backgroundColor: '#111418',
    webPreferences: {
      preload: join(__dirname, '..', 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // DevTools only while developing; a packaged build cannot open them (the menu has no reload either, see app-menu.ts).
      devTools: !app.isPackaged,
      // Middle-click would otherwise open links in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
  guardNavigation(win.webContents);
  win.once('ready-to-show', () => win.show());

  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) {
    setTrustedRendererUrl(devServer);
    await win.loadURL(devServer);
  } else {
    const file = join(__dirname, '..', 'renderer', 'index.html');
    // The URL Chromium gives the page (percent-encoded), so paths with spaces or non-ASCII characters still match.
    setTrustedRendererUrl(pathToFileURL(file).href);
    await win.loadFile(file);
  }
  return win;
}
