// Transport over the preload bridge (window.firebreak) in the Electron app.
import type { Result } from '../../../shared/result';
import type { Transport } from './client';

interface PreloadBridge {
  invoke(channel: string, input: unknown, requestId?: string): Promise<unknown>;
  subscribe(name: string, listener: (payload: unknown) => void): () => void;
  onMenuCommand(listener: (command: string) => void): () => void;
}

declare global {
  interface Window {
    firebreak?: PreloadBridge;
  }
}

export const hasIpcBridge = (): boolean => typeof window !== 'undefined' && window.firebreak !== undefined;

export function createIpcTransport(): Transport {
  const bridge = window.firebreak!;
  return {
    invoke: async (channel, input, requestId) => (await bridge.invoke(channel, input, requestId)) as Result<unknown>,
    subscribe: (name, listener) => bridge.subscribe(name, listener),
  };
}

/** Menu commands from the application menu (desktop only); a no-op subscription in the browser. */
export function onMenuCommand(listener: (command: string) => void): () => void {
  return window.firebreak ? window.firebreak.onMenuCommand(listener) : () => undefined;
}
