// Test helper: a loopback HTTP server on a free port with a plain request handler, plus a clock whose sleeps return at once.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TransportClock } from '../http/http-transport';

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

export interface LocalServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Listens on a free port, or on `port` again (a stand-in that went down and comes back at the same address). */
export async function startLocalServer(handler: Handler, port = 0): Promise<LocalServer> {
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      Promise.resolve(handler(req, res, Buffer.concat(chunks).toString('utf8'))).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ errorMessages: [`stand-in failure: ${(e as Error).message}`] }));
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A clock for tests: time only moves when a sleep happens, and every sleep is recorded. */
export function fakeClock(startMs = Date.parse('2026-11-25T12:00:00Z')): TransportClock & { sleeps: number[]; at: number } {
  const clock = {
    at: startMs,
    sleeps: [] as number[],
    now: () => clock.at,
    random: () => 0.5,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw signal.reason;
      clock.sleeps.push(ms);
      clock.at += ms;
    },
  };
  return clock;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
