// Component-test harness: renders a component with react-query and a client whose transport answers from handlers the
// test supplies. Every request and answer is checked against the real IPC contract, so a test cannot drift from it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { contract, isChannel, type Channel, type OutputOf, type ParsedInputOf } from '../../../shared/ipc';
import { DomainError } from '../../../shared/result';
import { createClient, installClient, type Transport } from '../api/client';

/** A handler may answer later (a promise), as the core does when a request waits for something. */
export type Handlers = { [C in Channel]?: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>> };

export interface CoreCall {
  channel: Channel;
  input: unknown;
}

export function renderWithCore(ui: ReactNode, handlers: Handlers) {
  const calls: CoreCall[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: Transport = {
    async invoke(channel, rawInput) {
      if (!isChannel(channel)) throw new Error(`Unknown channel ${channel}`);
      // An invalid request is refused the way the core's router refuses it: a validation error with "path: message" details.
      const parsed = contract[channel].input.safeParse(rawInput);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
        return { ok: false, error: { code: 'validation', message: `Invalid input for ${channel}: ${details[0]}`, details } };
      }
      const input = parsed.data;
      calls.push({ channel, input });
      const handler = handlers[channel] as ((i: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'unavailable', message: `No handler for ${channel} in this test` } };
      let value: unknown;
      try {
        value = await handler(input);
      } catch (e) {
        // A handler fails the way the core does: a DomainError becomes the Result's error, with its code and details.
        if (e instanceof DomainError) return { ok: false, error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } };
        throw e;
      }
      return { ok: true, value: contract[channel].output.parse(value) };
    },
    subscribe(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
  };
  installClient(createClient(transport, 'http'));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  const result = render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
  // `emit` pushes an event the way the core does (to every subscriber of that name).
  const emit = (name: string, payload: unknown) => act(() => listeners.get(name)?.forEach((l) => l(payload)));
  return { ...result, calls, queryClient, emit, callsTo: (channel: Channel) => calls.filter((c) => c.channel === channel).map((c) => c.input) };
}

export function resetCore(): void {
  cleanup();
  installClient(undefined);
}
