// The metrics settings kept in <dataDir>/metrics.json: Prometheus servers, the Alertmanager, and the panel catalogue per service.
import { z } from 'zod';
import { ServiceName } from '../events/incident-events';

export const ServerId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lowercase letters, digits and dashes (e.g. "prod-eu")');

/** Secrets are optional on input: leaving one out keeps the one already stored for that server. */
export const EndpointAuth = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('basic'), username: z.string().trim().min(1, 'Enter a user name'), password: z.string().optional() }),
  z.object({ type: z.literal('bearer'), token: z.string().optional() }),
]);
export type EndpointAuth = z.infer<typeof EndpointAuth>;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Extra request headers (e.g. a tenant id for a proxy); checked here so a bad one is named, not rejected by fetch later. */
const ExtraHeaders = z.record(z.string(), z.string()).superRefine((headers, ctx) => {
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is not a valid HTTP header name` });
    if (/[\r\n]/.test(value)) ctx.addIssue({ code: 'custom', path: [name], message: `The value of header "${name}" cannot contain line breaks` });
  }
});

export const BaseUrl = z
  .string()
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.search && !u.hash;
    } catch {
      return false;
    }
  }, 'Enter an http:// or https:// URL without query or fragment, e.g. http://prometheus:9090')
  .transform((s) => s.replace(/\/+$/, ''));

export const Endpoint = z.object({
  baseUrl: BaseUrl,
  auth: EndpointAuth.default({ type: 'none' }),
  headers: ExtraHeaders.default({}),
  timeoutMs: z.number().int().min(500, 'At least 500 ms').max(120_000, 'At most 120 s').default(10_000),
});
export type Endpoint = z.infer<typeof Endpoint>;

export const PrometheusServer = Endpoint.extend({ id: ServerId, name: z.string().trim().min(1).max(80) });
export type PrometheusServer = z.infer<typeof PrometheusServer>;

export const AlertmanagerSettings = Endpoint.extend({
  /** The alert label that names the service; alerts are matched to an incident's services by it. */
  serviceLabel: z.string().trim().min(1).default('service'),
});
export type AlertmanagerSettings = z.infer<typeof AlertmanagerSettings>;

export const Threshold = z.object({
  value: z.number().refine(Number.isFinite, 'Must be a finite number'),
  label: z.string().trim().max(60).default(''),
  kind: z.enum(['warning', 'critical', 'slo']).default('warning'),
});
export type Threshold = z.infer<typeof Threshold>;

export const PanelDefinition = z.object({
  id: ServerId,
  title: z.string().trim().min(1, 'A panel needs a title').max(120),
  promql: z.string().trim().min(1, 'A panel needs a PromQL expression').max(10_000),
  unit: z.string().trim().max(20).default(''),
  /** Which Prometheus to ask; the first configured server when absent. */
  serverId: ServerId.optional(),
  thresholds: z.array(Threshold).max(10).default([]),
});
export type PanelDefinition = z.infer<typeof PanelDefinition>;

export const MetricsConfig = z
  .object({
    version: z.literal(1).default(1),
    prometheus: z.array(PrometheusServer).max(10).default([]),
    alertmanager: AlertmanagerSettings.optional(),
    refreshSeconds: z.number().int().min(2).max(300).default(5),
    leadInMinutes: z.number().int().min(0).max(24 * 60).default(30),
    tailMinutes: z.number().int().min(0).max(24 * 60).default(30),
    services: z.record(ServiceName, z.array(PanelDefinition).max(30)).default({}),
  })
  .superRefine((config, ctx) => {
    const ids = new Set<string>();
    config.prometheus.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['prometheus', i, 'id'], message: `Server id "${s.id}" is used twice` });
      ids.add(s.id);
    });
    for (const [service, panels] of Object.entries(config.services)) {
      const panelIds = new Set<string>();
      panels.forEach((p, i) => {
        if (panelIds.has(p.id)) ctx.addIssue({ code: 'custom', path: ['services', service, i, 'id'], message: `Panel id "${p.id}" is used twice in ${service}` });
        panelIds.add(p.id);
        if (p.serverId && !ids.has(p.serverId)) {
          ctx.addIssue({ code: 'custom', path: ['services', service, i, 'serverId'], message: `No Prometheus server with id "${p.serverId}"` });
        }
      });
    }
  });
export type MetricsConfig = z.infer<typeof MetricsConfig>;
export type MetricsConfigInput = z.input<typeof MetricsConfig>;

export const emptyMetricsConfig = (): MetricsConfig => MetricsConfig.parse({});

/** The settings as the renderer sees them: secrets left out, with a flag saying one is stored. */
export function redactEndpointAuth(auth: EndpointAuth): { auth: EndpointAuth; secretStored: boolean } {
  if (auth.type === 'basic') return { auth: { type: 'basic', username: auth.username }, secretStored: !!auth.password };
  if (auth.type === 'bearer') return { auth: { type: 'bearer' }, secretStored: !!auth.token };
  return { auth, secretStored: false };
}

/** Fills secrets left out of `next` from `previous` (same kind of auth); returns a problem when none is available. */
export function keepStoredSecret(next: EndpointAuth, previous: EndpointAuth | undefined): { auth: EndpointAuth; problem?: string } {
  if (next.type === 'basic' && next.password === undefined) {
    if (previous?.type === 'basic' && previous.password !== undefined) return { auth: { ...next, password: previous.password } };
    return { auth: next, problem: 'Enter the password for basic authentication' };
  }
  if (next.type === 'bearer' && !next.token) {
    if (previous?.type === 'bearer' && previous.token) return { auth: { ...next, token: previous.token } };
    return { auth: next, problem: 'Enter the bearer token' };
  }
  return { auth: next };
}

/** The server a panel queries: its own serverId, else the first configured server. */
export function serverFor(config: MetricsConfig, serverId: string | undefined): PrometheusServer | undefined {
  return serverId ? config.prometheus.find((s) => s.id === serverId) : config.prometheus[0];
}

/**
 * Credentials typed into the URL (http://user:pass@host) become basic authentication, so the URL itself is never stored
 * or shown with a password. An explicit authentication wins over the URL's; the URL's credentials are then dropped.
 */
export function liftUrlCredentials<E extends { baseUrl: string; auth: EndpointAuth }>(endpoint: E): E {
  let url: URL;
  try {
    url = new URL(endpoint.baseUrl);
  } catch {
    return endpoint;
  }
  if (!url.username && !url.password) return endpoint;
  const username = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  const baseUrl = url.toString().replace(/\/+$/, '');
  const auth: EndpointAuth = endpoint.auth.type === 'none' && username ? { type: 'basic', username, password } : endpoint.auth;
  return { ...endpoint, baseUrl, auth };
}

/** The key under which SettingsView.secretsStored reports whether a header's value is stored. */
export const headerSecretKey = (endpointKey: string, header: string) => `${endpointKey} header ${header}`;

/**
 * Every extra header value is treated as a secret (Authorization, X-Api-Key and the many vendor variants cannot be told
 * apart from a tenant id by name alone). Views carry each header with an empty value; an empty value on save keeps the stored one.
 */
export function redactHeaders(headers: Record<string, string>): { headers: Record<string, string>; stored: Record<string, boolean> } {
  return {
    headers: Object.fromEntries(Object.keys(headers).map((name) => [name, ''])),
    stored: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value !== ''])),
  };
}

/** Fills header values left empty in `next` from `previous` (names compared case-insensitively); names the headers that have none. */
export function keepStoredHeaders(next: Record<string, string>, previous: Record<string, string> | undefined): { headers: Record<string, string>; missing: string[] } {
  const before = new Map(Object.entries(previous ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const missing: string[] = [];
  const headers = Object.fromEntries(
    Object.entries(next).map(([name, value]) => {
      if (value !== '') return [name, value];
      const kept = before.get(name.toLowerCase()) ?? '';
      if (!kept) missing.push(name);
      return [name, kept];
    }),
  );
  return { headers, missing };
}
