// The error every connector call fails with: a DomainError that also says what went wrong on the wire (DNS, timeout, HTTP status, bad payload).
import { DomainError, type ErrorCode } from '../../../../shared/result';

export type FailureKind = 'bad_url' | 'dns' | 'network' | 'timeout' | 'cancelled' | 'http' | 'payload';

export class ConnectorError extends DomainError {
  /** True when the request provably never reached the server (refused, DNS, TLS, rate-limited): safe to resend without checking first. */
  notSent = false;
  /** How long the server asked to wait (Retry-After, rate-limit reset) before trying again. */
  retryAfterMs: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    readonly kind: FailureKind,
    readonly endpoint: string,
    readonly status?: number,
    details?: string[],
  ) {
    super(code, message, details);
    this.name = 'ConnectorError';
  }
}

export function codeForStatus(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 413 || status === 422) return 'validation';
  return 'unavailable';
}

/** Pulls the human message out of Jira's `{errorMessages, errors}` or PagerDuty's `{error:{message, errors}}` envelopes. */
export function errorEnvelopeMessages(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const out: string[] = [];
  const b = body as Record<string, unknown>;
  if (Array.isArray(b.errorMessages)) out.push(...b.errorMessages.filter((m): m is string => typeof m === 'string'));
  if (b.errors && typeof b.errors === 'object' && !Array.isArray(b.errors)) {
    for (const [field, msg] of Object.entries(b.errors as Record<string, unknown>)) if (typeof msg === 'string') out.push(`${field}: ${msg}`);
  }
  if (b.error && typeof b.error === 'object') {
    const e = b.error as Record<string, unknown>;
    if (typeof e.message === 'string') out.push(e.message);
    if (Array.isArray(e.errors)) out.push(...e.errors.filter((m): m is string => typeof m === 'string'));
  }
  if (typeof b.message === 'string' && out.length === 0) out.push(b.message);
  return out;
}

/** Failures while connecting (no byte of the request can have left): refused, unreachable, connect timeout. */
const CONNECT_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);

/** TLS handshake failures also end before the request is written. */
const isTlsFailure = (code: string): boolean => /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT|EPROTO$)/.test(code);

/** Why a low-level fetch failure happened, from the undici cause chain, and whether the request provably never left. */
export function classifyNetworkFailure(error: unknown): { kind: FailureKind; detail: string; notSent: boolean } {
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && cause; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return { kind: 'dns', detail: `DNS lookup failed (${code})`, notSent: true };
    if (typeof code === 'string' && isTlsFailure(code)) return { kind: 'network', detail: `TLS failure (${code})`, notSent: true };
    if (typeof code === 'string' && (code.startsWith('E') || code.startsWith('UND_ERR'))) return { kind: 'network', detail: code, notSent: CONNECT_CODES.has(code) };
    cause = (cause as { cause?: unknown }).cause;
  }
  return { kind: 'network', detail: error instanceof Error ? error.message : String(error), notSent: false };
}

const failedBeforeSending = new WeakSet<object>();

/** Marks an error raised before any request was made (e.g. "Jira is not configured"). */
export function markNotSent<E>(error: E): E {
  if (error instanceof ConnectorError) error.notSent = true;
  else if (error && typeof error === 'object') failedBeforeSending.add(error);
  return error;
}

/** Whether a failed write provably never reached the remote, so resending needs no check for an earlier copy. */
export function provablyNotSent(error: unknown): boolean {
  if (error instanceof ConnectorError) return error.notSent || error.kind === 'bad_url';
  return !!error && typeof error === 'object' && failedBeforeSending.has(error);
}
