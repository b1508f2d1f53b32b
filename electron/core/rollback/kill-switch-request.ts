// Flips a feature flag through the configured HTTP endpoint: success on 2xx, a clear failure on 4xx/5xx, timeouts and refusals.
import type { HttpRequestSpec } from '../../../shared/services/service-config';
import { expandEnv } from './command-run';

export interface SwitchOutcome {
  outcome: 'ok' | 'http_error' | 'timeout' | 'unreachable' | 'cancelled';
  status?: number;
  body: string;
  message: string;
}

const BODY_LIMIT = 4_000;

async function readCapped(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  return text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)}… [${text.length - BODY_LIMIT} more characters]` : text;
}

export async function sendKillSwitch(spec: HttpRequestSpec, signal?: AbortSignal): Promise<SwitchOutcome> {
  const timeout = AbortSignal.timeout(spec.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const headers = Object.fromEntries(Object.entries(spec.headers).map(([k, v]) => [k, expandEnv(v)]));
  const target = `${spec.method} ${spec.url}`;
  try {
    const response = await fetch(spec.url, {
      method: spec.method,
      headers,
      ...(spec.body !== undefined && spec.method !== 'GET' ? { body: expandEnv(spec.body) } : {}),
      signal: combined,
      redirect: 'manual',
    });
    const body = await readCapped(response);
    if (response.status >= 200 && response.status < 300) return { outcome: 'ok', status: response.status, body, message: `${target} answered ${response.status}` };
    const hint = response.status === 401 || response.status === 403 ? ' (check the credentials in the configured headers)' : response.status >= 500 ? ' (the flag service failed; the flag may not have changed)' : '';
    return { outcome: 'http_error', status: response.status, body, message: `${target} answered ${response.status} ${response.statusText}${hint}` };
  } catch (e) {
    if (timeout.aborted) {
      return { outcome: 'timeout', body: '', message: `${target} did not answer within ${spec.timeoutMs} ms; the flag may or may not have changed — check the flag service before retrying` };
    }
    if (signal?.aborted) return { outcome: 'cancelled', body: '', message: `${target} was cancelled before it answered` };
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return { outcome: 'unreachable', body: '', message: `${target} could not be reached: ${cause?.code ?? cause?.message ?? (e as Error).message}` };
  }
}
