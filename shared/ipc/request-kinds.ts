// Which contract requests only read. Every other request changes something, so its client sends a request id with it and
// reuses the id on a retry: the core then answers with the original result instead of doing the work a second time.
import type { Channel } from './index';

export const readOnlyChannels: ReadonlySet<Channel> = new Set<Channel>([
  'app.info',
  'sync.status',
  'sync.incident',
  'sync.settings.get',
  'app.diagnostics',
  'incidents.list',
  'incidents.get',
  'incidents.keyTimes',
  'timeline.events',
  'timeline.page',
  'timeline.search',
  'runbooks.list',
  'runbooks.search',
  'runbooks.get',
  'runbooks.library',
  'runbooks.checklists',
  'runbooks.alertOffers',
  'updates.templates',
  'updates.draft',
  'updates.render',
  'updates.cadence',
  'updates.policy',
  'updates.channels',
  'metrics.settings.get',
  'metrics.testConnection',
  'metrics.view',
  'metrics.captured',
  'services.list',
  'rollback.list',
  'jira.settings.get',
  'jira.testConnection',
  'jira.issue',
  'jira.search',
  'jira.linked',
  'jira.transitions',
  'pagerduty.settings.get',
  'pagerduty.testConnection',
  'pagerduty.services',
  'pagerduty.openIncidents',
  'pagerduty.linked',
  'pagerduty.oncall',
  'outbox.list',
  'statusPage.settings.get',
  'review.get',
  'review.exportBundle',
  'review.inspectBundle',
  'settings.exportConfig',
  'signing.identity',
  'signing.trusted.list',
  'identity.get',
  'team.handoverDraft',
  'hotfix.list',
  'hotfix.testOutput',
  'hotfix.policy.get',
  'hotfix.rollouts',
]);

export const isReadOnlyChannel = (channel: string): boolean => readOnlyChannels.has(channel as Channel);

/** A client request id: random, URL-safe, long enough that two clients never pick the same one. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** The HTTP header the browser transport carries the request id in (the IETF draft's name for it). */
export const REQUEST_ID_HEADER = 'idempotency-key';
