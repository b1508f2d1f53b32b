// "Test connection" for Jira Cloud: serverInfo tells a Jira Cloud site from anything else, /myself checks the email + API token.
import type { ConnectionReport } from '../../../../shared/connectors/connection-report';
import { reportFailure } from '../http/connection-outcome';
import type { JiraClient } from './jira-client';

export async function testJiraConnection(client: JiraClient, signal?: AbortSignal): Promise<ConnectionReport> {
  let server: string;
  try {
    const info = await client.serverInfo(signal);
    if (info.deploymentType && info.deploymentType !== 'Cloud') {
      return { outcome: 'wrong_product', message: `This is Jira ${info.deploymentType}; Firebreak's connector speaks Jira Cloud REST v3.`, server: info.serverTitle ?? info.baseUrl };
    }
    server = `Jira ${info.deploymentType ?? ''} ${info.version ?? ''}`.replace(/\s+/g, ' ').trim() + (info.serverTitle ? ` (${info.serverTitle})` : '');
  } catch (e) {
    return reportFailure('Jira', e);
  }
  try {
    const me = await client.myself(signal);
    const account = me.displayName ?? me.emailAddress ?? me.accountId;
    return { outcome: 'ok', message: `Connected to ${server}${account ? ` as ${account}` : ''}.`, server, ...(account ? { account } : {}) };
  } catch (e) {
    return { ...reportFailure('Jira', e), server };
  }
}
