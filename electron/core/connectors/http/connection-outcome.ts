// Maps a failed connector call to the Test-connection outcome the settings panel explains (bad URL, DNS, 401, 403, wrong product…).
import type { ConnectionReport } from '../../../../shared/connectors/connection-report';
import { ConnectorError } from './connector-error';

export function reportFailure(product: string, error: unknown): ConnectionReport {
  if (!(error instanceof ConnectorError)) return { outcome: 'error', message: `${product}: ${error instanceof Error ? error.message : String(error)}` };
  switch (error.kind) {
    case 'bad_url':
      return { outcome: 'bad_url', message: error.message };
    case 'dns':
      return { outcome: 'dns', message: error.message };
    case 'timeout':
      return { outcome: 'timeout', message: error.message };
    case 'network':
    case 'cancelled':
      return { outcome: 'unreachable', message: error.message };
    case 'payload':
      return { outcome: 'wrong_product', message: `Something answered, but not like ${product}: ${error.message}` };
    case 'http':
      if (error.status === 401) return { outcome: 'unauthorized', message: `${product} rejected the credentials (401). Check the email/token pair.` };
      if (error.status === 403) return { outcome: 'forbidden', message: `${product} accepted the credentials but refused access (403): ${error.message}` };
      if (error.status === 404 || error.status === 405) return { outcome: 'wrong_product', message: `No ${product} API at this URL (${error.status} on ${error.endpoint}).` };
      if (error.status !== undefined && error.status >= 300 && error.status < 400) return { outcome: 'bad_url', message: `The URL redirects elsewhere: ${error.message}. Use the final address.` };
      return { outcome: 'unreachable', message: error.message };
  }
}
