// Builds the connector side of the core: vault, settings, outbox worker and the Jira / PagerDuty services, ready for the router.
import type { FailureLogger } from '../diagnostics/failure-log';
import type { IncidentService } from '../incidents/incident-service';
import { ConnectorDispatch, type StatusPagePublisher } from '../outbox/outbox-dispatch';
import { OutboxService } from '../outbox/outbox-service';
import { OutboxUpdateDelivery } from '../outbox/outbox-update-delivery';
import { OutboxWorker } from '../outbox/outbox-worker';
import type { OutboxSystem } from '../../../shared/outbox/outbox-operation';
import type { SecretVault } from '../secrets/secret-vault';
import { openBrowserVault } from '../secrets/vault-key';
import type { IncidentStore } from '../store/incident-store';
import { ConnectorPoller } from './connector-poller';
import { ConnectorSettings, type TransportTuning } from './connector-settings';
import type { ConnectorServices } from './connector-handlers';
import { JiraService } from './jira/jira-service';
import { PagerDutyService } from './pagerduty/pagerduty-service';

export interface ConnectorsCore extends ConnectorServices {
  worker: OutboxWorker;
  /** Published stakeholder updates go to Jira / PagerDuty through the outbox. */
  updateDelivery: OutboxUpdateDelivery;
  /** 'jira' / 'pagerduty' when configured, for app.info capabilities. */
  capabilities(): Promise<('jira' | 'pagerduty')[]>;
  close(): Promise<void>;
}

export interface ConnectorsCoreOptions {
  dataDir: string;
  store: IncidentStore;
  incidents: IncidentService;
  operator: () => string;
  /** The desktop shell passes a safeStorage-backed vault; browser mode falls back to the AES-256-GCM file vault. */
  vault?: SecretVault;
  tuning?: TransportTuning;
  /** How often linked Jira issues / PagerDuty incidents are read into open incidents' timelines; 0 turns polling off. */
  syncIntervalMs?: number;
  /** Applied to outbox failure reasons before they are recorded (the core passes the log's secret redactor). */
  redact?: (text: string) => string;
  /** Where connector failures are logged (the core passes the application log, rate-limited). */
  logFailure?: FailureLogger;
  /** Team sync: claims an outbox item of a shared incident before sending it, so one laptop of the team sends it. */
  outboxClaim?: (incidentId: string, intentKey: string) => Promise<boolean>;
  /** The public status page, published through the same outbox. */
  statusPage?: StatusPagePublisher & { queuePublish(incidentId: string, reason: string, origin: string): Promise<string> };
}

export async function startConnectors(options: ConnectorsCoreOptions): Promise<ConnectorsCore> {
  const vault = options.vault ?? (await openBrowserVault({ dataDir: options.dataDir }));
  const settings = new ConnectorSettings(options.dataDir, vault, options.tuning);
  const canSend = async (system: OutboxSystem) =>
    system === 'jira' ? settings.jiraConfigured() : system === 'pagerduty' ? settings.pagerDutyConfigured() : true;
  const logFailure = options.logFailure ?? (() => undefined);
  const worker = new OutboxWorker(options.store, new ConnectorDispatch(settings, () => 'firebreak', options.statusPage), () => 'firebreak', {
    ...(options.redact ? { redact: options.redact } : {}),
    // A laptop claims (and so sends) only what it can send: Jira and PagerDuty writes need their settings on this laptop.
    ...(options.outboxClaim
      ? { claim: async (incidentId: string, intentKey: string, system: OutboxSystem) => (await canSend(system)) && options.outboxClaim!(incidentId, intentKey) }
      : {}),
    onAttemptFailed: (item, reason) =>
      logFailure('outbox', `${item.system}/${item.operation.kind}`, `Outbox: ${item.description.slice(0, 120)} failed: ${reason}`, { incidentId: item.incidentId, intentKey: item.intentKey }),
  });
  const outbox = new OutboxService(options.store, worker, options.operator);
  const jira = new JiraService(options.store, settings, outbox, options.operator);
  const pagerDuty = new PagerDutyService(options.store, options.incidents, settings, outbox, jira, options.operator);
  let configured = { jira: false, pagerduty: false };
  const refresh = async () => {
    configured = { jira: await settings.jiraConfigured(), pagerduty: await settings.pagerDutyConfigured() };
  };
  await refresh();
  // New or changed credentials: try everything waiting right away instead of after its backoff.
  settings.onChange(() => {
    void refresh().catch(() => undefined);
    worker.kick({ now: true });
  });
  worker.start();
  const poller = new ConnectorPoller(options.store, settings, { jira, pagerDuty }, options.syncIntervalMs || 60_000, (key, message) =>
    logFailure('connectors', key.split('/').at(-1) ?? key, `Sync of ${key} failed: ${message}`),
  );
  if (options.syncIntervalMs !== 0) poller.start();
  return {
    settings,
    jira,
    pagerDuty,
    outbox,
    worker,
    updateDelivery: new OutboxUpdateDelivery(options.store, outbox, () => configured, options.statusPage),
    capabilities: async () => [...((await settings.jiraConfigured()) ? (['jira'] as const) : []), ...((await settings.pagerDutyConfigured()) ? (['pagerduty'] as const) : [])],
    close: async () => {
      poller.stop();
      await worker.stop();
    },
  };
}
