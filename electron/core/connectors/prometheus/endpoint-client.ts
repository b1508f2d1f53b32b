// Small fetch-based HTTP client for Prometheus and Alertmanager: auth, extra headers, timeouts, and failures named precisely.
import type { Endpoint } from '../../../../shared/metrics/metrics-config';
import { DomainError, type ErrorCode } from '../../../../shared/result';

/** What went wrong, precisely enough for "Test connection" to tell the user what to fix. */
export type FailureKind =
  | 'dns'
  | 'refused'
  | 'reset'
  | 'tls'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'http'
  | 'malformed'
  | 'wrong_server'
  | 'too_large'
  | 'rejected'
  | 'network';

const codeOf: Record<FailureKind, ErrorCode> = {
  dns: 'unavailable',
  refused: 'unavailable',
  reset: 'unavailable',
  tls: 'unavailable',
  timeout: 'unavailable',
  unauthorized: 'unauthorized',
  forbidden: 'unauthorized',
  not_found: 'unavailable',
  http: 'unavailable',
  malformed: 'unavailable',
  wrong_server: 'unavailable',
  too_large: 'unavailable',
  rejected: 'validation',
  network: 'unavailable',
};

/** A failed call to a metrics server; `kind` says which failure, `status` the HTTP status when there was one. */
export class ConnectorError extends DomainError {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    details?: string[],
  ) {
    super(codeOf[kind], message, details);
    this.name = 'ConnectorError';
  }
}

const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|EPROTO$|HOSTNAME_MISMATCH)/;

/** Turns what fetch threw into a ConnectorError; undici hides the system error in `cause`. */
export function classifyFetchFailure(error: unknown, server: string, url: URL, timeoutMs: number): ConnectorError {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string; name?: string } };
  if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError') {
    return new ConnectorError('timeout', `${server} at ${url.host} did not answer within ${timeoutMs} ms. It may be overloaded; raise the timeout or check the server.`);
  }
  const code = e?.cause?.code ?? '';
  const detail = e?.cause?.message ?? e?.message ?? String(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new ConnectorError('dns', `The host name "${url.hostname}" could not be resolved (DNS ${code}). Check the ${server} URL.`);
  }
  if (code === 'ECONNREFUSED') return new ConnectorError('refused', `${url.host} refused the connection: nothing is listening there. Is ${server} running on that port?`);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return new ConnectorError('reset', `${url.host} closed the connection before answering (${code}).`);
  }
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(detail)) {
    return new ConnectorError('tls', `The TLS handshake with ${url.host} failed: ${detail}${code ? ` (${code})` : ''}. Check the certificate, or whether the URL should be http://.`);
  }
  return new ConnectorError('network', `Could not reach ${server} at ${url.host}: ${detail}${code ? ` (${code})` : ''}.`);
}

export interface EndpointRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: [string, string][];
  form?: Record<string, string>;
  json?: unknown;
}

export interface EndpointResponse {
  status: number;
  contentType: string;
  text: string;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Bodies beyond this are refused rather than parsed: 11,000 points × hundreds of series is already far above it. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

async function readCapped(response: Response, server: string, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new ConnectorError('too_large', `${server} sent ${declared} bytes, more than the ${maxBytes}-byte limit. Narrow the query.`);
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ConnectorError('too_large', `${server} sent more than ${maxBytes} bytes. Narrow the query (fewer series or a larger step).`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export class EndpointClient {
  constructor(
    readonly endpoint: Endpoint,
    /** "Prometheus" or "Alertmanager", used in messages. */
    readonly server: string,
    private readonly fetchImpl: FetchLike = (input, init) => fetch(input, init),
    private readonly maxBodyBytes = MAX_BODY_BYTES,
  ) {}

  private headers(extra: Record<string, string>): Headers {
    const headers = new Headers();
    for (const [k, v] of Object.entries(this.endpoint.headers)) headers.set(k, v);
    const auth = this.endpoint.auth;
    if (auth.type === 'basic') headers.set('authorization', `Basic ${Buffer.from(`${auth.username}:${auth.password ?? ''}`).toString('base64')}`);
    if (auth.type === 'bearer' && auth.token) headers.set('authorization', `Bearer ${auth.token}`);
    for (const [k, v] of Object.entries(extra)) headers.set(k, v);
    return headers;
  }

  urlFor(path: string, query: [string, string][] = []): URL {
    const url = new URL(this.endpoint.baseUrl + path);
    for (const [k, v] of query) url.searchParams.append(k, v);
    return url;
  }

  /** Sends one request; network failures, timeouts, 401/403 and oversized bodies become ConnectorErrors, other statuses are returned. */
  async send(request: EndpointRequest, signal?: AbortSignal): Promise<EndpointResponse> {
    const url = this.urlFor(request.path, request.query);
    const extra: Record<string, string> = { accept: 'application/json' };
    let body: string | undefined;
    if (request.form) {
      extra['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(request.form).toString();
    } else if (request.json !== undefined) {
      extra['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    }
    const timeout = AbortSignal.timeout(this.endpoint.timeoutMs);
    const combined = signal ? AbortSignal.any([timeout, signal]) : timeout;
    try {
      const response = await this.fetchImpl(url.toString(), { method: request.method ?? 'GET', headers: this.headers(extra), body, signal: combined, redirect: 'follow' });
      if (response.status === 401) {
        await response.body?.cancel().catch(() => undefined);
        throw new ConnectorError('unauthorized', `${this.server} at ${url.host} answered 401: the credentials are missing or wrong. Check the authentication settings.`, 401);
      }
      if (response.status === 403) {
        await response.body?.cancel().catch(() => undefined);
        throw new ConnectorError('forbidden', `${this.server} at ${url.host} answered 403: these credentials are not allowed to ${request.method ?? 'GET'} ${request.path}.`, 403);
      }
      const text = await readCapped(response, this.server, this.maxBodyBytes);
      return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
    } catch (e) {
      if (e instanceof ConnectorError) throw e;
      if (timeout.aborted) throw classifyFetchFailure({ name: 'TimeoutError' }, this.server, url, this.endpoint.timeoutMs);
      if (signal?.aborted) throw new ConnectorError('network', `The request to ${this.server} was cancelled.`);
      throw classifyFetchFailure(e, this.server, url, this.endpoint.timeoutMs);
    }
  }

  /** Parses a JSON body, naming truncated or non-JSON answers (often an HTML proxy or login page) as such. */
  parseJson(response: EndpointResponse, what: string): unknown {
    try {
      return JSON.parse(response.text);
    } catch (e) {
      const looksHtml = /^\s*</.test(response.text);
      const excerpt = response.text.slice(0, 120).replace(/\s+/g, ' ');
      throw new ConnectorError(
        'malformed',
        looksHtml
          ? `${what}: ${this.server} answered HTTP ${response.status} with an HTML page instead of JSON — is the URL pointing at ${this.server} itself, not a proxy or login page?`
          : `${what}: ${this.server} answered HTTP ${response.status} with malformed JSON (${(e as Error).message}).`,
        response.status,
        excerpt ? [excerpt] : undefined,
      );
    }
  }
}
