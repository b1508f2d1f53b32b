// Transport over the loopback browser host: POST /api/rpc/<channel> with the access token, events over SSE.
import { eventNames, isReadOnlyChannel, REQUEST_ID_HEADER } from '../../../shared/ipc';
import type { Result } from '../../../shared/result';
import type { Transport } from './client';

const TOKEN_KEY = 'firebreak.token';

/** Takes the token from ?token= (then removes it from the address bar) or from this tab's session storage. */
export function takeAccessToken(location: Location, storage: Storage = window.sessionStorage, history: History = window.history): string {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY) ?? '';
}

export interface HttpTransportOptions {
  fetch?: typeof fetch;
  /** Waits before a retry; injectable so tests do not wait for real. */
  pause?: (ms: number) => Promise<void>;
  token?: string;
}

/** Pauses before each retry of a request the host did not answer (connection lost, or busy with large uploads: 503). */
export const RETRY_PAUSES_MS = [250, 1000, 3000];

export function createHttpTransport(location: Location, options: HttpTransportOptions = {}): Transport {
  const token = options.token ?? takeAccessToken(location);
  const send = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const pause = options.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;

  const ensureSource = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const name of eventNames) {
      source.addEventListener(name, (e) => {
        const payload: unknown = JSON.parse((e as MessageEvent<string>).data);
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
  };

  const post = (channel: string, input: unknown, requestId: string | undefined) =>
    send(`/api/rpc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}) },
      body: JSON.stringify(input ?? {}),
    });

  return {
    async invoke(channel, input, requestId) {
      // Retried only when repeating it is harmless: reads, and writes whose request id lets the host recognise the retry.
      const retriable = requestId !== undefined || isReadOnlyChannel(channel);
      let response: Response | undefined;
      for (let attempt = 0; ; attempt++) {
        const last = !retriable || attempt >= RETRY_PAUSES_MS.length;
        try {
          response = await post(channel, input, requestId);
          if (response.status !== 503 || last) break;
        } catch (e) {
          if (last) throw e;
        }
        await pause(RETRY_PAUSES_MS[attempt]!);
      }
      if (response.status === 401) {
        return { ok: false, error: { code: 'unauthorized', message: 'This page has no valid access token. Open the URL printed by `npm run web` again.' } };
      }
      return (await response.json()) as Result<unknown>;
    },
    subscribe(name, listener) {
      ensureSource();
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
