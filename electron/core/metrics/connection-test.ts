// "Test connection" for a Prometheus or Alertmanager endpoint: proves what answers there and names the exact failure.
import type { ConnectionTestResult, ParsedInputOf } from '../../../shared/ipc';
import { keepStoredHeaders, keepStoredSecret, liftUrlCredentials, type MetricsConfig } from '../../../shared/metrics/metrics-config';
import { AlertmanagerApi } from '../connectors/prometheus/alertmanager-api';
import { ConnectorError, EndpointClient, type FetchLike } from '../connectors/prometheus/endpoint-client';
import { PrometheusApi } from '../connectors/prometheus/prometheus-api';

export async function testConnection(input: ParsedInputOf<'metrics.testConnection'>, stored: MetricsConfig, fetchImpl?: FetchLike): Promise<ConnectionTestResult> {
  // The form does not hold stored secrets; test with the stored one when the user did not type a new one.
  const previous = input.kind === 'alertmanager' ? stored.alertmanager : stored.prometheus.find((s) => s.id === input.serverId);
  const typed = liftUrlCredentials(input.endpoint);
  const kept = keepStoredSecret(typed.auth, previous?.auth);
  if (kept.problem) return { ok: false, failure: 'unauthorized', message: kept.problem };
  const headers = keepStoredHeaders(typed.headers, previous?.headers);
  if (headers.missing.length > 0) return { ok: false, failure: 'unauthorized', message: `Enter the value of header "${headers.missing[0]}"` };
  const endpoint = { ...typed, auth: kept.auth, headers: headers.headers };
  try {
    if (input.kind === 'prometheus') {
      const { version } = await new PrometheusApi(new EndpointClient(endpoint, 'Prometheus', fetchImpl)).buildInfo();
      return { ok: true, version, message: `Connected to Prometheus ${version} at ${endpoint.baseUrl}.` };
    }
    const { version, cluster } = await new AlertmanagerApi(new EndpointClient(endpoint, 'Alertmanager', fetchImpl)).status();
    return { ok: true, version, message: `Connected to Alertmanager ${version} at ${endpoint.baseUrl} (cluster ${cluster}).` };
  } catch (e) {
    if (e instanceof ConnectorError) return { ok: false, failure: e.kind, message: e.message };
    return { ok: false, failure: 'network', message: e instanceof Error ? e.message : String(e) };
  }
}
