// Transport over the loopback browser host: POST /api/rpc/<channel> with the access token, events over SSE.
import { eventNames } from '../../../shared/ipc';
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

export function createHttpTransport(location: Location): Transport {
  const token = takeAccessToken(location);
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

  return {
    async invoke(channel, input) {
      const response = await fetch(`/api/rpc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
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
