// "Test connection" for PagerDuty: /abilities checks the REST token; a From address is required before any write.
import type { ConnectionReport } from '../../../../shared/connectors/connection-report';
import { reportFailure } from '../http/connection-outcome';
import type { PagerDutyClient } from './pagerduty-client';

export async function testPagerDutyConnection(client: PagerDutyClient, signal?: AbortSignal): Promise<ConnectionReport> {
  try {
    const abilities = await client.abilities(signal);
    return { outcome: 'ok', message: `Connected to PagerDuty (${abilities.length} account abilities).`, server: 'PagerDuty REST v2' };
  } catch (e) {
    return reportFailure('PagerDuty', e);
  }
}
