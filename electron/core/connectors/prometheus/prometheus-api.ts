// Prometheus HTTP API v1 (2.42): build info for "Test connection", instant and range queries, with Prometheus's own errors kept.
import { z } from 'zod';
import { parseSample, type MetricSeries } from '../../../../shared/metrics/series';
import { ConnectorError, EndpointClient, type EndpointResponse } from './endpoint-client';

const Envelope = z.object({
  status: z.enum(['success', 'error']),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
  warnings: z.array(z.string()).optional(),
});

const Sample = z.tuple([z.number(), z.string()]);
const MatrixData = z.object({
  resultType: z.literal('matrix'),
  result: z.array(z.object({ metric: z.record(z.string(), z.string()), values: z.array(Sample).default([]) })),
});
const InstantData = z.discriminatedUnion('resultType', [
  z.object({ resultType: z.literal('vector'), result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: Sample.optional() })) }),
  MatrixData,
  z.object({ resultType: z.literal('scalar'), result: Sample }),
  z.object({ resultType: z.literal('string'), result: z.tuple([z.number(), z.string()]) }),
]);
const BuildInfo = z.object({ version: z.string().min(1), revision: z.string().optional(), goVersion: z.string().optional() });

export interface RangeResult {
  series: MetricSeries[];
  warnings: string[];
}

export type InstantResult =
  | { resultType: 'vector'; samples: { labels: Record<string, string>; t: number; v: number }[]; warnings: string[] }
  | { resultType: 'matrix'; series: MetricSeries[]; warnings: string[] }
  | { resultType: 'scalar'; t: number; v: number; warnings: string[] }
  | { resultType: 'string'; t: number; value: string; warnings: string[] };

const toSeries = (r: z.infer<typeof MatrixData>['result'][number]): MetricSeries => ({
  labels: r.metric,
  t: r.values.map(([ts]) => Math.round(ts * 1000)),
  v: r.values.map(([, v]) => parseSample(v)),
});

export class PrometheusApi {
  constructor(readonly client: EndpointClient) {}

  /** Reads the v1 envelope: Prometheus's own errorType and error text survive into the message the panel shows. */
  private envelope(response: EndpointResponse, what: string): { data: unknown; warnings: string[] } {
    const body = this.client.parseJson(response, what);
    const parsed = Envelope.safeParse(body);
    if (!parsed.success) {
      throw new ConnectorError('wrong_server', `${what}: the answer (HTTP ${response.status}) is JSON but not a Prometheus API response — is this URL a Prometheus server?`, response.status);
    }
    const env = parsed.data;
    if (env.status === 'error') {
      const type = env.errorType ?? 'unknown';
      const kind = type === 'bad_data' || type === 'execution' ? 'rejected' : type === 'timeout' || type === 'canceled' ? 'timeout' : 'http';
      throw new ConnectorError(kind, `Prometheus: ${env.error ?? 'unknown error'} (${type}, HTTP ${response.status})`, response.status);
    }
    if (response.status < 200 || response.status > 299) throw new ConnectorError('http', `${what}: Prometheus answered HTTP ${response.status}.`, response.status);
    return { data: env.data, warnings: env.warnings ?? [] };
  }

  private checkStatus(response: EndpointResponse, what: string): void {
    // Non-2xx without a Prometheus error body (proxy errors, 404 from something else) gets a plain HTTP message.
    if (response.status >= 200 && response.status <= 299) return;
    if (response.contentType.includes('json')) return;
    if (response.status === 404) throw new ConnectorError('wrong_server', `${what}: HTTP 404 at ${this.client.endpoint.baseUrl} — this does not look like a Prometheus server (check the URL and any path prefix).`, 404);
    throw new ConnectorError('http', `${what}: Prometheus answered HTTP ${response.status}${response.text ? `: ${response.text.slice(0, 200).trim()}` : ''}.`, response.status);
  }

  /** Proves the URL is a Prometheus server: /api/v1/status/buildinfo must answer with a version. */
  async buildInfo(signal?: AbortSignal): Promise<{ version: string }> {
    const what = 'Test connection';
    const response = await this.client.send({ path: '/api/v1/status/buildinfo' }, signal);
    this.checkStatus(response, what);
    const info = BuildInfo.safeParse(this.envelope(response, what).data);
    if (!info.success) throw new ConnectorError('wrong_server', `${what}: the server answered but sent no Prometheus build version — is this a Prometheus server?`, response.status);
    return { version: info.data.version };
  }

  async rangeQuery(promql: string, start: number, end: number, step: number, signal?: AbortSignal): Promise<RangeResult> {
    const what = 'Range query';
    const response = await this.client.send(
      { method: 'POST', path: '/api/v1/query_range', form: { query: promql, start: String(start), end: String(end), step: String(step) } },
      signal,
    );
    this.checkStatus(response, what);
    const { data, warnings } = this.envelope(response, what);
    const matrix = MatrixData.safeParse(data);
    if (!matrix.success) throw new ConnectorError('malformed', `${what}: Prometheus's answer is not a matrix: ${matrix.error.issues[0]?.message ?? ''}`, response.status);
    return { series: matrix.data.result.map(toSeries), warnings };
  }

  async instantQuery(promql: string, time?: number, signal?: AbortSignal): Promise<InstantResult> {
    const what = 'Instant query';
    const form: Record<string, string> = { query: promql };
    if (time !== undefined) form.time = String(time);
    const response = await this.client.send({ method: 'POST', path: '/api/v1/query', form }, signal);
    this.checkStatus(response, what);
    const { data, warnings } = this.envelope(response, what);
    const parsed = InstantData.safeParse(data);
    if (!parsed.success) throw new ConnectorError('malformed', `${what}: unexpected result shape: ${parsed.error.issues[0]?.message ?? ''}`, response.status);
    const d = parsed.data;
    switch (d.resultType) {
      case 'vector':
        return {
          resultType: 'vector',
          samples: d.result.filter((r) => r.value).map((r) => ({ labels: r.metric, t: Math.round(r.value![0] * 1000), v: parseSample(r.value![1]) })),
          warnings,
        };
      case 'matrix':
        return { resultType: 'matrix', series: d.result.map(toSeries), warnings };
      case 'scalar':
        return { resultType: 'scalar', t: Math.round(d.result[0] * 1000), v: parseSample(d.result[1]), warnings };
      case 'string':
        return { resultType: 'string', t: Math.round(d.result[0] * 1000), value: d.result[1], warnings };
    }
  }
}
