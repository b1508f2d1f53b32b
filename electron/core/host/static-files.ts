// Serves the built renderer from disk with a strict CSP; unknown paths fall back to index.html (single-page app).
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const securityHeaders = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/**
 * JSON answers and the event stream are not documents: a policy that allows nothing (should one be opened as a page) and no
 * sniffing is all that applies to them. A document's other headers (referrer, opener, framing) say nothing about them and
 * cost about 300 bytes on each of the small answers every change to an incident brings.
 */
export const apiHeaders = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

export async function serveStatic(rootDir: string, pathname: string, res: ServerResponse): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' }).end('Bad request: the path has an invalid %-escape.');
    return;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(rootDir, relative);
  if (!file.startsWith(rootDir + sep) && file !== rootDir) {
    res.writeHead(403, securityHeaders).end('Forbidden');
    return;
  }
  if (relative === '' || !extname(relative)) file = join(rootDir, 'index.html');
  // Browsers ask for /favicon.ico on their own; answer with the app icon (renderer/public/favicon.svg) instead of a 404.
  if (relative === 'favicon.ico') file = join(rootDir, 'favicon.svg');
  try {
    const body = await readFile(file);
    res.writeHead(200, { ...securityHeaders, 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(body);
  } catch {
    res.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  }
}
