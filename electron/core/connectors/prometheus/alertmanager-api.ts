// Alertmanager API v2 (0.25): status for "Test connection", current alerts, and silences (list, create, expire).
import { z } from 'zod';
import type { ActiveAlert } from '../../../../shared/metrics/alert-reconcile';
import type { SilenceMatcher } from '../../../../shared/events/metrics-events';
import { ConnectorError, EndpointClient, type EndpointResponse } from './endpoint-client';

const LabelSet = z.record(z.string(), z.string());
const GettableAlert = z.object({
  fingerprint: z.string(),
  labels: LabelSet,
  annotations: LabelSet.default({}),
  startsAt: z.string(),
  endsAt: z.string(),
  updatedAt: z.string().optional(),
  generatorURL: z.string().optional(),
  status: z.object({
    state: z.enum(['unprocessed', 'active', 'suppressed']),
    silencedBy: z.array(z.string()).default([]),
    inhibitedBy: z.array(z.string()).default([]),
  }),
});

const Matcher = z.object({ name: z.string(), value: z.string(), isRegex: z.boolean(), isEqual: z.boolean().default(true) });
const GettableSilence = z.object({
  id: z.string(),
  status: z.object({ state: z.enum(['expired', 'active', 'pending']) }),
  updatedAt: z.string(),
  matchers: z.array(Matcher),
  startsAt: z.string(),
  endsAt: z.string(),
  createdBy: z.string(),
  comment: z.string(),
});
export type Silence = z.infer<typeof GettableSilence>;

const Status = z.object({ versionInfo: z.object({ version: z.string() }), cluster: z.object({ status: z.string() }) });

export interface NewSilence {
  matchers: SilenceMatcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

export class AlertmanagerApi {
  constructor(readonly client: EndpointClient) {}

  private json<T extends z.ZodType>(response: EndpointResponse, what: string, schema: T): z.output<T> {
    if (response.status < 200 || response.status > 299) {
      // Alertmanager's v2 errors are plain JSON strings (e.g. "bad matcher format"); keep its words.
      let message = response.text.trim();
      try {
        const body = JSON.parse(response.text) as unknown;
        if (typeof body === 'string') message = body;
      } catch {
        /* not JSON: keep the raw text */
      }
      const kind = response.status === 400 || response.status === 422 ? 'rejected' : response.status === 404 ? 'not_found' : 'http';
      throw new ConnectorError(kind, `${what}: Alertmanager answered HTTP ${response.status}${message ? `: ${message.slice(0, 300)}` : ''}`, response.status);
    }
    const parsed = schema.safeParse(this.client.parseJson(response, what));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConnectorError('wrong_server', `${what}: the answer is not what Alertmanager v2 sends (${issue?.path.join('.') || 'root'}: ${issue?.message}) — is this URL an Alertmanager?`, response.status);
    }
    return parsed.data;
  }

  async status(signal?: AbortSignal): Promise<{ version: string; cluster: string }> {
    const response = await this.client.send({ path: '/api/v2/status' }, signal);
    const status = this.json(response, 'Test connection', Status);
    return { version: status.versionInfo.version, cluster: status.cluster.status };
  }

  /** Firing alerts, silenced and inhibited ones included (they still fire; the list shows their silence state). */
  async alerts(signal?: AbortSignal): Promise<ActiveAlert[]> {
    const response = await this.client.send(
      { path: '/api/v2/alerts', query: [['active', 'true'], ['silenced', 'true'], ['inhibited', 'true'], ['unprocessed', 'true']] },
      signal,
    );
    return this.json(response, 'Alerts', z.array(GettableAlert)).map((a) => ({
      fingerprint: a.fingerprint,
      alertname: a.labels.alertname ?? '(no alertname)',
      labels: a.labels,
      annotations: a.annotations,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      state: a.status.state,
      silencedBy: a.status.silencedBy,
      inhibitedBy: a.status.inhibitedBy,
      ...(a.generatorURL ? { generatorURL: a.generatorURL } : {}),
    }));
  }

  async silences(signal?: AbortSignal): Promise<Silence[]> {
    const response = await this.client.send({ path: '/api/v2/silences' }, signal);
    return this.json(response, 'Silences', z.array(GettableSilence));
  }

  async createSilence(silence: NewSilence, signal?: AbortSignal): Promise<string> {
    const response = await this.client.send({ method: 'POST', path: '/api/v2/silences', json: silence }, signal);
    return this.json(response, 'Create silence', z.object({ silenceID: z.string().min(1) })).silenceID;
  }

  async expireSilence(silenceId: string, signal?: AbortSignal): Promise<void> {
    const response = await this.client.send({ method: 'DELETE', path: `/api/v2/silence/${encodeURIComponent(silenceId)}` }, signal);
    // Success has no body worth reading; only a failure needs its message parsed.
    if (response.status < 200 || response.status > 299) this.json(response, 'Expire silence', z.unknown());
  }
}
