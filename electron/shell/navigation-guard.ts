// Decides which URLs the window may show and which links may leave the app (http/https only, through one guarded helper).
import { shell } from 'electron';

let trustedPrefix = '';

/** The renderer's own URL (file://…/index.html, or the dev server origin); set once when the window loads. */
export function setTrustedRendererUrl(url: string): void {
  trustedPrefix = url.startsWith('file:') ? url.slice(0, url.lastIndexOf('/') + 1) : new URL(url).origin + '/';
}

export function isTrustedRendererUrl(url: string): boolean {
  return trustedPrefix !== '' && url.startsWith(trustedPrefix);
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
  await shell.openExternal(url.toString());
  return true;
}
