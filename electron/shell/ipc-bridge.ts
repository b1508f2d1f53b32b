// Registers every contract channel with ipcMain through one wrapper: sender check, validation (in the router), Result envelope.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/ipc';
import { fail } from '../../shared/result';
import type { FirebreakCore } from '../core/firebreak-core';
import { isTrustedRendererUrl } from './navigation-guard';

export const EVENT_CHANNEL = 'firebreak:event';

export function registerIpc(core: FirebreakCore, windows: () => BrowserWindow[]): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown, requestId: unknown) => {
      const senderUrl = event.senderFrame?.url ?? '';
      if (!isTrustedRendererUrl(senderUrl)) {
        return fail('unauthorized', `Request from an untrusted frame (${senderUrl.slice(0, 80)}) was refused.`);
      }
      return core.router.dispatch(channel, input, typeof requestId === 'string' ? { requestId } : undefined);
    });
  }
  const unsubscribe = core.hub.subscribe((name, payload) => {
    for (const win of windows()) if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
