// Serves the IPC contract over loopback HTTP (+ SSE for events) so the real renderer runs in any browser; every API call needs the token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzip } from 'node:zlib';
import { REQUEST_ID_HEADER } from '../../../shared/ipc';
import { fail } from '../../../shared/result';
import type { EventHub } from '../ipc/event-hub';
import type { Router } from '../ipc/router';
import { newAccessToken, presentedToken, tokenMatches } from './access-token';
import { BodyRefused, LargeBodySlots, readJsonBody } from './request-body';
import { apiHeaders, serveStatic } from './static-files';

export interface BrowserHostOptions {
  router: Router;
  hub: EventHub;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface BrowserHost {
  url: string;
  origin: string;
  token: string;
  /** How many large request bodies are being received right now (at most MAX_LARGE_BODIES). */
  largeBodiesInFlight(): number;
  close(): Promise<void>;
}

/** Answers smaller than this go out as they are: compressing them saves less than the headers cost. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * JSON answers are gzipped when the browser accepts it (every browser does): views such as metrics.view or a page of the
 * timeline are refetched as the incident changes, and their repetitive JSON shrinks five- to tenfold. Level 1 on zlib's
 * thread pool: the main thread never compresses.
 */
function sendJson(res: ServerResponse, status: number, body: unknown, acceptEncoding?: string): void {
  const headers = { ...apiHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', vary: 'accept-encoding' };
  const json = JSON.stringify(body);
  if (json.length < COMPRESS_FROM_BYTES || !/\bgzip\b/.test(acceptEncoding ?? '')) {
    res.writeHead(status, headers);
    res.end(json);
    return;
  }
  gzip(json, { level: 1 }, (error, compressed) => {
    if (error) {
      res.writeHead(status, headers);
      res.end(json);
    } else {
      res.writeHead(status, { ...headers, 'content-encoding': 'gzip' });
      res.end(compressed);
    }
  });
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? newAccessToken();
  const sseClients = new Set<ServerResponse>();
  let allowedHosts: Set<string> = new Set();
  const largeBodies = new LargeBodySlots();

  const unsubscribe = options.hub.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!tokenMatches(token, presentedToken(req, url))) {
      sendJson(res, 401, fail('unauthorized', 'Missing or wrong access token. Open the URL printed by `npm run web`, which carries the token.'));
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { ...apiHeaders, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15000);
      req.on('close', () => {
        clearInterval(keepAlive);
        sseClients.delete(res);
      });
      return;
    }
    const rpc = /^\/api\/rpc\/([A-Za-z0-9._-]+)$/.exec(url.pathname);
    if (!rpc || req.method !== 'POST') {
      sendJson(res, 404, fail('not_found', `No API route ${req.method} ${url.pathname}.`));
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, fail('validation', 'Requests must be application/json.'));
      return;
    }
    let input: unknown;
    try {
      input = await readJsonBody(req, rpc[1]!, largeBodies);
    } catch (e) {
      if (!(e instanceof BodyRefused)) throw e;
      sendJson(res, e.status, fail(e.status === 503 ? 'unavailable' : 'validation', e.message));
      return;
    }
    const requestId = req.headers[REQUEST_ID_HEADER];
    const result = await options.router.dispatch(rpc[1]!, input, typeof requestId === 'string' ? { requestId } : undefined);
    sendJson(res, 200, result, req.headers['accept-encoding']);
  }

  const server: Server = createServer((req, res) => {
    // A request answered before its body was read (401, 404, 415…) must still be drained, or the kept-alive
    // connection would carry the leftover bytes into the next request.
    res.once('finish', () => {
      if (!req.complete) req.resume();
    });
    let url: URL;
    try {
      // Prefixing (rather than resolving against a base) keeps paths such as "//" as paths instead of host-less URLs.
      url = new URL(`http://127.0.0.1${(req.url ?? '/').startsWith('/') ? '' : '/'}${req.url ?? '/'}`);
    } catch {
      sendJson(res, 400, fail('validation', 'Malformed request URL.'));
      return;
    }
    // DNS-rebinding guard: only answer to the loopback names we printed.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      sendJson(res, 421, fail('unauthorized', 'Unexpected Host header.'));
      return;
    }
    const work = url.pathname.startsWith('/api/') ? handleApi(req, res, url) : serveStatic(options.rendererDir, url.pathname, res);
    work.catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, fail('internal', (e as Error).message));
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    token,
    url: `${origin}/?token=${token}`,
    largeBodiesInFlight: () => largeBodies.inUse,
    async close() {
      unsubscribe();
      for (const client of sseClients) client.end();
      sseClients.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Kept-alive and in-flight browser connections would otherwise hold close() open indefinitely.
      server.closeAllConnections();
      await closed;
    },
  };
}
