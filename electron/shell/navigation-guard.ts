// Decides which URLs the window may show and which links may leave the app (https, or http after a confirmation),
// and guards every way a page can move away from the app: will-navigate, will-frame-navigate, will-redirect.
import { dialog, shell, type WebContents } from 'electron';

let trustedPrefix = '';

/** The renderer's own URL (file://…/index.html, or the dev server origin); set once when the window loads. */
export function setTrustedRendererUrl(url: string): void {
  trustedPrefix = url.startsWith('file:') ? url.slice(0, url.lastIndexOf('/') + 1) : new URL(url).origin + '/';
}

export function isTrustedRendererUrl(url: string): boolean {
  return trustedPrefix !== '' && url.startsWith(trustedPrefix);
}

/** Plain http leaves the app only after the user agrees: the link is unencrypted and may be altered on the way. */
async function userAllowsPlainHttp(url: URL): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    title: 'Open an unencrypted link?',
    message: `Open ${url.host} in your browser?`,
    detail: `${url.toString().slice(0, 300)}\n\nThis link uses plain http: what you send or see there can be read or changed on the way.`,
  });
  return response === 0;
}

/** The only place in the app that may call shell.openExternal. */
export async function openExternalSafely(rawUrl: string): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  if (url.protocol === 'http:' && !(await userAllowsPlainHttp(url))) return false;
  await shell.openExternal(url.toString());
  return true;
}

/** No frame of the window may leave the app: top-level links go to the OS browser, everything else is stopped. */
export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isTrustedRendererUrl(event.url)) return;
    event.preventDefault();
    void openExternalSafely(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isTrustedRendererUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedRendererUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
