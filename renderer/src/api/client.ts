// The one client interface the cockpit uses to reach the core, whichever transport carries it (Electron IPC or the browser host).
import { isReadOnlyChannel, type Channel, type EventName, type EventPayload, type InputOf, type OutputOf } from '../../../shared/ipc';
import type { AppError, Result } from '../../../shared/result';
import { BUNDLE_READ_ONLY_REASON, createBundleTransport, hasEmbeddedBundle } from './bundle-transport';
import { createHttpTransport } from './http-transport';
import { createIpcTransport, hasIpcBridge } from './ipc-transport';

export interface Transport {
  /** `requestId` is set for mutating requests; a transport that retries must send the same id again. */
  invoke(channel: string, input: unknown, requestId?: string): Promise<Result<unknown>>;
  subscribe(name: string, listener: (payload: unknown) => void): () => void;
  /** Whether the transport answers this channel at all; absent means every channel (the core serves the whole contract). */
  serves?(channel: Channel): boolean;
}

/** A failed call as an exception, for react-query; keeps the envelope's code and details for the UI. */
export class CallError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'CallError';
  }
}

export interface FirebreakClient {
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  callOrThrow<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * Whether this client can use a channel. A review bundle serves only what can be projected from its events, so the
   * cockpit hides (or disables, with `readOnlyReason`) every command whose channel is not served, instead of failing on click.
   */
  serves(channel: Channel): boolean;
  /** Why channels are not served, for disabled controls' explanations; undefined when the client serves everything. */
  readonly readOnlyReason: string | undefined;
  readonly transport: 'ipc' | 'http' | 'bundle';
}

/** A fresh id per mutating call, so the core can answer a retry of it instead of doing the work twice. */
/**
 * A random request id. `crypto.randomUUID` exists only in secure contexts; `getRandomValues` exists everywhere, so a page
 * served from a plain-http origin (an embedding, a test harness) still gets 128 random bits instead of failing every call.
 */
export const newRequestId = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');

export function createClient(
  transport: Transport,
  kind: FirebreakClient['transport'],
  readOnlyReason?: string,
  requestIds: () => string = newRequestId,
): FirebreakClient {
  const call = async <C extends Channel>(channel: C, input: InputOf<C>) => {
    try {
      const requestId = isReadOnlyChannel(channel) ? undefined : requestIds();
      return (await transport.invoke(channel, input, requestId)) as Result<OutputOf<C>>;
    } catch (e) {
      return { ok: false as const, error: { code: 'unavailable' as const, message: `Firebreak's core did not answer: ${(e as Error).message}` } };
    }
  };
  return {
    transport: kind,
    readOnlyReason,
    serves: (channel) => transport.serves?.(channel) ?? true,
    call,
    async callOrThrow(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new CallError(result.error);
      return result.value;
    },
    subscribe(name, listener) {
      return transport.subscribe(name, listener as (payload: unknown) => void);
    },
  };
}

let current: FirebreakClient | undefined;

/** The client for this window: IPC when running in Electron, otherwise the browser host that served the page. */
export function getClient(): FirebreakClient {
  current ??= hasEmbeddedBundle()
    ? createClient(createBundleTransport(), 'bundle', BUNDLE_READ_ONLY_REASON)
    : hasIpcBridge()
      ? createClient(createIpcTransport(), 'ipc')
      : createClient(createHttpTransport(window.location), 'http');
  return current;
}

/** Component tests render against an in-memory transport instead of the window's (undefined restores the default). */
export function installClient(client: FirebreakClient | undefined): void {
  current = client;
}
