// The cockpit window with Electron's security checklist applied: isolation, sandbox, CSP, no window.open, guarded navigation.
import { BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../core/host/static-files';
import { isTrustedRendererUrl, openExternalSafely, setTrustedRendererUrl } from './navigation-guard';

/**
 * The cockpit's own page may write to the clipboard (publishing an update) and show notifications (update reminders);
 * every other permission, and every request from any other origin, is denied.
 */
const grantedToTheApp = new Set(['clipboard-sanitized-write', 'notifications']);

export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((wc, permission, callback) => callback(grantedToTheApp.has(permission) && isTrustedRendererUrl(wc.getURL())));
  session.defaultSession.setPermissionCheckHandler((wc, permission) => wc !== null && grantedToTheApp.has(permission) && isTrustedRendererUrl(wc.getURL()));
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
      // Middle-click would otherwise open links in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url)) {
      event.preventDefault();
      void openExternalSafely(url);
    }
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());

  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) {
    setTrustedRendererUrl(devServer);
    await win.loadURL(devServer);
  } else {
    const file = join(__dirname, '..', 'renderer', 'index.html');
    setTrustedRendererUrl(`file://${file.replace(/\\/g, '/')}`);
    await win.loadFile(file);
  }
  return win;
}
