// Shows what "Test connection" found, in words a commander can act on (bad URL, DNS, 401, 403, wrong product…).
import type { ConnectionReport } from '../../../../shared/connectors/connection-report';

const labels: Record<ConnectionReport['outcome'], string> = {
  ok: 'Connected',
  not_configured: 'Not configured',
  bad_url: 'Bad URL',
  dns: 'Host not found (DNS)',
  unreachable: 'Unreachable',
  timeout: 'Timed out',
  unauthorized: 'Credentials rejected (401)',
  forbidden: 'Access refused (403)',
  wrong_product: 'Not the expected product',
  error: 'Error',
};

export function ConnectionResult({ report }: { report: ConnectionReport | undefined }) {
  if (!report) return null;
  return (
    <p className={report.outcome === 'ok' ? 'connection-result ok' : 'connection-result bad'} role="status" data-outcome={report.outcome}>
      <strong>{labels[report.outcome]}</strong> — {report.message}
    </p>
  );
}
