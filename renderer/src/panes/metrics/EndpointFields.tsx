// Form fields for one endpoint (URL, auth none/basic/bearer, extra headers, timeout) with a "Test connection" that names the failure.
import type { ConnectionTestResult } from '../../../../shared/ipc';
import { headerSecretKey, type EndpointAuth } from '../../../../shared/metrics/metrics-config';

export interface EndpointDraft {
  baseUrl: string;
  auth: EndpointAuth;
  headers: Record<string, string>;
  timeoutMs: number;
}

export const headersToText = (headers: Record<string, string>) =>
  Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');

export function textToHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

/** The names of an endpoint's headers whose values the vault holds (settings views carry names, never values). */
export function storedHeaders(secretsStored: Record<string, boolean>, endpointKey: string): string[] {
  const prefix = headerSecretKey(endpointKey, '');
  return Object.entries(secretsStored).flatMap(([key, set]) => (set && key.startsWith(prefix) ? [key.slice(prefix.length)] : []));
}

export function EndpointFields({
  label,
  draft,
  onChange,
  secretStored,
  storedHeaders: headersInVault = [],
  onTest,
  testing,
  result,
}: {
  label: string;
  draft: EndpointDraft;
  onChange: (next: EndpointDraft) => void;
  secretStored: boolean;
  storedHeaders?: string[];
  onTest: () => void;
  testing: boolean;
  result: ConnectionTestResult | undefined;
}) {
  const auth = draft.auth;
  const secretHint = secretStored ? 'Stored — leave empty to keep it' : '';
  return (
    <div className="endpoint-fields" aria-label={label}>
      <label>
        {label} URL
        <input value={draft.baseUrl} onChange={(e) => onChange({ ...draft, baseUrl: e.target.value })} placeholder="http://prometheus:9090" required />
      </label>
      <div className="adhoc-row">
        <label>
          Authentication
          <select
            value={auth.type}
            onChange={(e) => {
              const type = e.target.value as EndpointAuth['type'];
              onChange({ ...draft, auth: type === 'basic' ? { type, username: '' } : type === 'bearer' ? { type } : { type: 'none' } });
            }}
          >
            <option value="none">None</option>
            <option value="basic">Basic (user + password)</option>
            <option value="bearer">Bearer token</option>
          </select>
        </label>
        <label>
          Timeout (ms)
          <input type="number" min={500} max={120000} value={draft.timeoutMs} onChange={(e) => onChange({ ...draft, timeoutMs: Number(e.target.value) })} />
        </label>
      </div>
      {auth.type === 'basic' ? (
        <div className="adhoc-row">
          <label>
            User
            <input value={auth.username} onChange={(e) => onChange({ ...draft, auth: { ...auth, username: e.target.value } })} autoComplete="off" />
          </label>
          <label>
            Password
            <input
              type="password"
              value={auth.password ?? ''}
              placeholder={secretHint}
              onChange={(e) => onChange({ ...draft, auth: e.target.value ? { ...auth, password: e.target.value } : { type: 'basic', username: auth.username } })}
              autoComplete="new-password"
            />
          </label>
        </div>
      ) : null}
      {auth.type === 'bearer' ? (
        <label>
          Token
          <input
            type="password"
            value={auth.token ?? ''}
            placeholder={secretHint}
            onChange={(e) => onChange({ ...draft, auth: e.target.value ? { type: 'bearer', token: e.target.value } : { type: 'bearer' } })}
            autoComplete="new-password"
          />
        </label>
      ) : null}
      <label>
        Extra headers (one “Name: value” per line)
        <textarea rows={2} defaultValue={headersToText(draft.headers)} onBlur={(e) => onChange({ ...draft, headers: textToHeaders(e.target.value) })} aria-describedby={`${label}-headers-hint`} />
      </label>
      <p className="field-hint" id={`${label}-headers-hint`}>
        Header values are kept in the secret vault and never shown again
        {headersInVault.length > 0 ? `; stored: ${headersInVault.join(', ')} — leave “Name:” empty to keep a value.` : '.'}
      </p>
      <div className="test-connection">
        <button type="button" onClick={onTest} disabled={testing || !draft.baseUrl.trim()}>
          {testing ? 'Testing…' : 'Test connection'}
        </button>
        {result ? (
          <span className={result.ok ? 'test-ok' : 'test-failed'} role="status" data-failure={result.failure}>
            {result.message}
          </span>
        ) : null}
      </div>
    </div>
  );
}
