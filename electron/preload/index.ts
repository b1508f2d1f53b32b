// Preload: exposes exactly the IPC contract (invoke by known channel, subscribe to known events) and nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel, isEventName } from '../../shared/ipc';

const EVENT_CHANNEL = 'firebreak:event';

const bridge = {
  /** `requestId` identifies a mutating request across retries (see shared/ipc/request-kinds.ts). */
  invoke(channel: string, input: unknown, requestId?: string): Promise<unknown> {
    if (!isChannel(channel)) return Promise.resolve({ ok: false, error: { code: 'validation', message: `Unknown request "${channel}".` } });
    return requestId === undefined ? ipcRenderer.invoke(channel, input) : ipcRenderer.invoke(channel, input, String(requestId));
  },
  subscribe(name: string, listener: (payload: unknown) => void): () => void {
    if (!isEventName(name)) throw new Error(`Unknown event "${name}".`);
    const handler = (_e: IpcRendererEvent, eventName: string, payload: unknown) => {
      if (eventName === name) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
  onMenuCommand(listener: (command: string) => void): () => void {
    const handler = (_e: IpcRendererEvent, command: string) => listener(command);
    ipcRenderer.on('firebreak:menu', handler);
    return () => ipcRenderer.removeListener('firebreak:menu', handler);
  },
};

contextBridge.exposeInMainWorld('firebreak', bridge);
