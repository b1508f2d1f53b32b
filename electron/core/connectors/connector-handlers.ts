// The jira.*, pagerduty.* and outbox.* channels of the IPC contract, mapped onto the connector services and the outbox.
import type { Handlers } from '../ipc/router';
import type { OutboxService } from '../outbox/outbox-service';
import type { ConnectorSettings } from './connector-settings';
import type { JiraService } from './jira/jira-service';
import type { PagerDutyService } from './pagerduty/pagerduty-service';

type ConnectorChannel = Extract<keyof Handlers, `jira.${string}` | `pagerduty.${string}` | `outbox.${string}`>;

export interface ConnectorServices {
  settings: ConnectorSettings;
  jira: JiraService;
  pagerDuty: PagerDutyService;
  outbox: OutboxService;
}

export function connectorHandlers({ settings, jira, pagerDuty, outbox }: ConnectorServices): Pick<Handlers, ConnectorChannel> {
  return {
    'jira.settings.get': () => settings.jiraView(),
    'jira.settings.save': (input) => settings.saveJira(input),
    'jira.settings.clear': () => settings.clearJira(),
    'jira.testConnection': () => jira.testConnection(),
    'jira.issue': ({ issueKey }) => jira.issue(issueKey),
    'jira.search': ({ jql, limit }) => jira.search(jql, limit),
    'jira.linked': ({ incidentId }) => jira.linked(incidentId),
    'jira.link': ({ incidentId, issueKey }) => jira.link(incidentId, issueKey),
    'jira.createIssue': (input) => jira.createIssue(input),
    'jira.comment': ({ incidentId, issueKey, markdown }) => jira.comment(incidentId, issueKey, markdown),
    'jira.transitions': ({ issueKey }) => jira.transitions(issueKey),
    'jira.transition': ({ incidentId, issueKey, transitionId }) => jira.transition(incidentId, issueKey, transitionId),
    'jira.sync': ({ incidentId }) => jira.sync(incidentId),
    'pagerduty.settings.get': () => settings.pagerDutyView(),
    'pagerduty.settings.save': (input) => settings.savePagerDuty(input),
    'pagerduty.settings.clear': () => settings.clearPagerDuty(),
    'pagerduty.testConnection': () => pagerDuty.testConnection(),
    'pagerduty.services': ({ query }) => pagerDuty.services(query),
    'pagerduty.incidents': ({ since, until, ...filter }) => pagerDuty.incidentPage({ ...filter, ...(since ? { since } : {}), ...(until ? { until } : {}) }),
    'pagerduty.openIncidents': ({ serviceIds }) => pagerDuty.openIncidents(serviceIds),
    'pagerduty.import': ({ pdIncidentId, commander }) => pagerDuty.import(pdIncidentId, commander),
    'pagerduty.link': ({ incidentId, pdIncidentId }) => pagerDuty.link(incidentId, pdIncidentId),
    'pagerduty.linked': ({ incidentId }) => pagerDuty.linked(incidentId),
    'pagerduty.setStatus': ({ incidentId, status, resolution }) => pagerDuty.setStatus(incidentId, status, resolution),
    'pagerduty.reassign': ({ incidentId, userIds }) => pagerDuty.reassign(incidentId, userIds),
    'pagerduty.note': ({ incidentId, content }) => pagerDuty.note(incidentId, content),
    'pagerduty.statusUpdate': ({ incidentId, message }) => pagerDuty.statusUpdate(incidentId, message),
    'pagerduty.event': ({ incidentId, routingKeyName, action, severity }) => pagerDuty.event(incidentId, routingKeyName, action, severity),
    'pagerduty.oncall': ({ incidentId, serviceIds }) => pagerDuty.oncall(incidentId, serviceIds),
    'pagerduty.sync': ({ incidentId }) => pagerDuty.sync(incidentId),
    'outbox.list': async ({ incidentId, status }) => {
      if (!incidentId) await outbox.openIncidentsWithWrites();
      return outbox.list({ incidentId, status });
    },
    'outbox.retry': ({ incidentId, intentKey }) => outbox.retry(incidentId, intentKey),
    'outbox.cancel': ({ incidentId, intentKey, reason }) => outbox.cancel(incidentId, intentKey, reason),
  };
}
