// The one HTTP transport every connector uses over fetch: timeouts, cancellation, retries with backoff, per-host limits, JSON envelopes.
import { ConnectorError, classifyNetworkFailure, codeForStatus, errorEnvelopeMessages } from './connector-error';
import { HostLimiter } from './host-limiter';
import { backoffDelay, defaultBackoff, isIdempotentMethod, RETRYABLE_STATUSES, serverRequestedWait, type BackoffOptions } from './retry-policy';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface TransportClock {
  now(): number;
  /** Waits ms; rejects if the signal aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

export const systemClock: TransportClock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export interface TransportOptions {
  /** Product name used in error messages ("Jira", "PagerDuty"). */
  product: string;
  fetch?: typeof fetch;
  clock?: TransportClock;
  timeoutMs?: number;
  maxAttempts?: number;
  backoff?: Partial<BackoffOptions>;
  perHostConcurrency?: number;
  /** Shared between transports so two connectors on one host still respect one limit. */
  limiter?: HostLimiter;
}

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  /** Stable endpoint label with placeholders, e.g. "GET /rest/api/3/issue/{key}", used in errors. */
  endpoint: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  body?: unknown;
  /** Marks a POST as safe to repeat because the server de-duplicates it (dedup_key, globalId, outbox marker). */
  idempotencyKey?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: unknown;
  endpoint: string;
}

export interface RetryNotice {
  endpoint: string;
  attempt: number;
  waitMs: number;
  reason: string;
}

export class HttpTransport {
  private readonly fetchImpl: typeof fetch;
  private readonly clock: TransportClock;
  private readonly limiter: HostLimiter;
  private readonly backoff: BackoffOptions;
  readonly retries: RetryNotice[] = [];

  constructor(private readonly options: TransportOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.clock = options.clock ?? systemClock;
    this.limiter = options.limiter ?? new HostLimiter(options.perHostConcurrency ?? 4);
    this.backoff = { ...defaultBackoff, ...options.backoff };
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const url = this.buildUrl(req);
    const retrySafe = isIdempotentMethod(req.method) || req.idempotencyKey !== undefined;
    const maxAttempts = retrySafe ? (this.options.maxAttempts ?? 5) : 1;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.limiter.run(url.host, () => this.attempt(url, req));
      if (outcome.ok) return outcome.response;
      const { error, retryable, serverWaitMs } = outcome;
      error.retryAfterMs = serverWaitMs;
      if (!retryable || attempt >= maxAttempts) throw error;
      if (serverWaitMs !== undefined && serverWaitMs > this.backoff.maxServerWaitMs) {
        const waitLonger = new ConnectorError('unavailable', `${error.message} The server asked to wait ${Math.ceil(serverWaitMs / 1000)} s; try again later.`, error.kind, req.endpoint, error.status, error.details);
        waitLonger.notSent = error.notSent;
        waitLonger.retryAfterMs = serverWaitMs;
        throw waitLonger;
      }
      const waitMs = serverWaitMs ?? backoffDelay(attempt, () => this.clock.random(), this.backoff);
      this.retries.push({ endpoint: req.endpoint, attempt, waitMs, reason: error.message });
      try {
        await this.clock.sleep(waitMs, req.signal);
      } catch {
        throw this.cancelled(req);
      }
    }
  }

  private buildUrl(req: HttpRequest): URL {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new ConnectorError('validation', `${this.options.product} URL "${req.url.slice(0, 200)}" is not a valid URL.`, 'bad_url', req.endpoint);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ConnectorError('validation', `${this.options.product} URL must start with https:// (got ${url.protocol}).`, 'bad_url', req.endpoint);
    }
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, v);
      else url.searchParams.set(key, String(value));
    }
    return url;
  }

  private cancelled(req: HttpRequest): ConnectorError {
    return new ConnectorError('unavailable', `${this.options.product} request ${req.endpoint} was cancelled.`, 'cancelled', req.endpoint);
  }

  private async attempt(
    url: URL,
    req: HttpRequest,
  ): Promise<{ ok: true; response: HttpResponse } | { ok: false; error: ConnectorError; retryable: boolean; serverWaitMs?: number }> {
    if (req.signal?.aborted) return { ok: false, error: this.cancelled(req), retryable: false };
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs ?? 15_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
    if (req.body !== undefined) headers['Content-Type'] ??= 'application/json';
    const product = this.options.product;
    let res: Response;
    let text: string;
    try {
      res = await this.fetchImpl(url, { method: req.method, headers, body: req.body === undefined ? undefined : JSON.stringify(req.body), signal, redirect: 'manual' });
      text = await res.text();
    } catch (e) {
      if (req.signal?.aborted) return { ok: false, error: this.cancelled(req), retryable: false };
      if (timeout.aborted) {
        return { ok: false, retryable: true, error: new ConnectorError('unavailable', `${product} did not answer ${req.endpoint} within ${timeoutMs} ms.`, 'timeout', req.endpoint) };
      }
      const { kind, detail, notSent } = classifyNetworkFailure(e);
      const message = kind === 'dns' ? `${product} host ${url.hostname} could not be found: ${detail}. Check the site URL.` : `${product} could not be reached for ${req.endpoint}: ${detail}.`;
      const error = new ConnectorError('unavailable', message, kind, req.endpoint);
      error.notSent = notSent;
      return { ok: false, retryable: kind !== 'dns', error };
    }
    let body: unknown = undefined;
    let malformed: string | undefined;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch (e) {
        malformed = (e as Error).message;
      }
    }
    if (res.status >= 200 && res.status < 300) {
      if (malformed !== undefined) {
        const error = new ConnectorError('unavailable', `${product} answered ${req.endpoint} with malformed JSON (${malformed}).`, 'payload', req.endpoint, res.status, ['(body)']);
        return { ok: false, error, retryable: false };
      }
      return { ok: true, response: { status: res.status, headers: res.headers, body, endpoint: req.endpoint } };
    }
    const messages = errorEnvelopeMessages(body);
    const what = messages.length > 0 ? messages.join('; ') : res.status >= 300 && res.status < 400 ? `redirected to ${res.headers.get('location') ?? '?'}` : res.statusText || 'no details';
    const error = new ConnectorError(codeForStatus(res.status), `${product} answered ${req.endpoint} with HTTP ${res.status}: ${what}`, 'http', req.endpoint, res.status, messages);
    // A rate limiter turns the request away before it is processed.
    error.notSent = res.status === 429;
    const retryable = RETRYABLE_STATUSES.has(res.status);
    const serverWaitMs = retryable ? serverRequestedWait(res.headers, this.clock.now()) : undefined;
    return serverWaitMs === undefined ? { ok: false, error, retryable } : { ok: false, error, retryable, serverWaitMs };
  }
}
