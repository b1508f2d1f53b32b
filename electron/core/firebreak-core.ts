// Composes the plain-Node core (store, services, router, event hub) that both the Electron main process and the browser host serve.
import { join } from 'node:path';
import type { AppInfo } from '../../shared/ipc';
import { DEFAULT_TIMELINE_WINDOW_FROM } from '../../shared/ipc/app';
import { lockDataDir } from './base/data-dir-lock';
import { sweepDataDir } from './base/data-dir-sweep';
import { privateDataDir } from './base/owner-only';
import { connectorHandlers } from './connectors/connector-handlers';
import { startConnectors } from './connectors/connectors-core';
import { seedDemoIncident } from './demo/seed-demo';
import { AppLog } from './diagnostics/app-log';
import { rateLimitedFailureLog } from './diagnostics/failure-log';
import { configurationSummary } from './diagnostics/configuration-summary';
import { diagnosticsReport } from './diagnostics/diagnostics-report';
import { primeRedactor } from './diagnostics/redactor-primer';
import { RedactingVault } from './diagnostics/redacting-vault';
import { redactingRouter } from './diagnostics/redacting-router';
import { recallCommittedRequest } from './incidents/committed-requests';
import { IdentitySettings } from './identity/local-identity';
import { IncidentService } from './incidents/incident-service';
import { ReviewService } from './review/review-service';
import { TeamService } from './team/team-service';
import { EventHub } from './ipc/event-hub';
import { idempotentRouter } from './ipc/idempotent-router';
import { openingRouter } from './ipc/opening-router';
import { createRouter, withOutputChecks, type ErrorReporter, type Router } from './ipc/router';
import { hotfixHandlers } from './hotfix/hotfix-handlers';
import { HotfixPolicyFile } from './hotfix/hotfix-policy-file';
import { HotfixService } from './hotfix/hotfix-service';
import { prometheusRangeQuery } from './hotfix/rollout/canary-sampler';
import { RolloutEngine } from './hotfix/rollout/rollout-engine';
import { checkHotfixApproved, findHotfix, rolloutHandlers } from './hotfix/rollout/rollout-handlers';
import { describeRolloutPlan } from '../../shared/hotfix/rollout-plan-summary';
import { metricsHandlers } from './metrics/metrics-handlers';
import { MetricsService } from './metrics/metrics-service';
import { prometheusHealthQuery } from './rollback/prometheus-health';
import { rollbackHandlers } from './rollback/rollback-handlers';
import { RollbackService } from './rollback/rollback-service';
import { ChecklistService } from './runbooks/checklist-service';
import { runbookHandlers } from './runbooks/runbook-handlers';
import { RunbookLibrary } from './runbooks/runbook-library';
import { ServiceCatalogue } from './services/service-catalogue';
import { GitTimelinePoller } from './connectors/git/git-timeline-poller';
import { exportConfig, importConfig, type ConfigTransferDeps } from './settings/config-transfer';
import type { SecretVault } from './secrets/secret-vault';
import { openBrowserVault } from './secrets/vault-key';
import { LogCheckpoints } from './signing/log-checkpoints';
import { SigningIdentity } from './signing/signing-identity';
import { TrustedKeys } from './signing/trusted-keys';
import { IncidentStore } from './store/incident-store';
import { HlcStamper } from './sync/hlc-stamper';
import { SyncService, type StartupSync } from './sync/sync-service';
import { StatusPageService } from './status-page/status-page-service';
import { StatusPageSettingsFile } from './status-page/status-page-settings-file';
import { CadencePolicyFile } from './updates/cadence-policy-file';
import { UpdateTemplateFiles } from './updates/template-files';
import { updateHandlers } from './updates/update-handlers';
import { UpdateService } from './updates/update-service';

/** How long after start the hash chains of the logs opened at start are checked (logs opened later are checked as they open). */
const CHAIN_CHECK_DELAY_MS = 1000;

export interface CoreOptions {
  dataDir: string;
  assetsDir: string;
  mode: AppInfo['mode'];
  version: string;
  /** The operator's name for scripts and tests (--operator, else FIREBREAK_OPERATOR): no first-run prompt, nothing saved. */
  operator?: string;
  seedDemo?: boolean;
  /** Told about unexpected handler failures after they are written (redacted) to the application log. */
  reportError?: ErrorReporter;
  /** The application log; the entry points open it early so start-up failures land in it too. Defaults to <dataDir>/logs. */
  log?: AppLog;
  /** Background pulls (git history of open incidents); tests that drive everything themselves turn them off. */
  backgroundSync?: boolean;
  /** The built renderer (out/renderer), inlined into exported review bundles. */
  rendererDir?: string;
  /** Where connector secrets live; the desktop shell passes a safeStorage-backed vault, browser mode uses the encrypted file vault. */
  vault?: SecretVault;
  /** Team sync settings from the command line or environment (they win over the Settings form). */
  sync?: StartupSync;
}

export interface FirebreakCore {
  router: Router;
  hub: EventHub;
  log: AppLog;
  /** Team sync (its engine is undefined while sync is off). */
  sync: SyncService;
  close(): Promise<void>;
}


/**
 * Starts the core once this process owns the data directory (a second desktop app or browser host gets DataDirInUseError,
 * whose message says who holds it). With the lock held, nothing else writes there, so the start-up sweep can tighten the
 * permissions and delete the temp files a kill left behind.
 */
export async function startCore(options: CoreOptions): Promise<FirebreakCore> {
  const lock = await lockDataDir(options.dataDir, options.mode);
  try {
    await privateDataDir(options.dataDir);
    // One walk of the data directory: owner-only permissions and the temp files a kill left behind.
    await sweepDataDir(options.dataDir, { removeTemps: true, restrict: true });
    const core = await startOwnedCore(options);
    return {
      ...core,
      close: async () => {
        try {
          await core.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (e) {
    await lock.release();
    throw e;
  }
}

async function startOwnedCore(options: CoreOptions): Promise<FirebreakCore> {
  const log = options.log ?? new AppLog({ dataDir: options.dataDir });
  log.redactor.trust(options.dataDir);
  const reportError: ErrorReporter = (area, error) => {
    log.error(area, `${area} failed unexpectedly`, { error });
    options.reportError?.(area, error);
  };
  log.info('core', 'Starting Firebreak core', { version: options.version, mode: options.mode, dataDir: options.dataDir });
  if (options.seedDemo !== false) await seedDemoIncident(options.dataDir, options.assetsDir);
  // Incidents are listed from their summaries; a log is parsed on first access (or at once when the core must act on it).
  // Who acts: the name and handle set on first run (never the OS user name), or the --operator/FIREBREAK_OPERATOR override.
  const people = await IdentitySettings.open(options.dataDir, options.operator ?? process.env.FIREBREAK_OPERATOR);
  const operator = () => people.current().name;
  // With team sync on, every event this laptop writes gets a global id and a hybrid logical clock value (see core/sync).
  const deviceId = people.current().deviceId;
  const stamper = new HlcStamper(deviceId);
  const store = await IncidentStore.open(options.dataDir, { stamp: stamper }, { lazy: true, build: options.version });
  store.stampIdentity(() => people.current());
  const incidents = new IncidentService(store, operator, { windowFrom: timelineWindowFrom(process.env.FIREBREAK_TIMELINE_WINDOW), deviceId: () => deviceId });
  const hub = new EventHub();
  // One vault for every secret (connector tokens, Prometheus/Alertmanager credentials, the signing key); browser mode falls back
  // to the encrypted file vault. Every secret read or stored through the vault becomes known to the log redactor.
  const vault = new RedactingVault(options.vault ?? (await openBrowserVault({ dataDir: options.dataDir })), log.redactor);
  const identity = new SigningIdentity(vault, operator);
  const sync = new SyncService({
    dataDir: options.dataDir,
    store,
    vault,
    deviceId,
    stamper,
    ...(options.sync ? { startup: options.sync } : {}),
    onStatus: (status) => hub.emit('sync.statusChanged', status),
    reportError: (error) => log.warn('sync', 'Team sync problem', { error }),
    signer: { publicKey: async () => (await identity.publicIdentity()).publicKey, sign: (text) => identity.signText(text) },
    handle: () => people.current().handle,
    onRefused: (refused) => log.warn('sync', 'Refused an event from the team: it did not verify', { ...refused }),
  });
  const trustedKeys = new TrustedKeys(options.dataDir, identity);
  const checkpoints = new LogCheckpoints(store, identity, trustedKeys, (error) => reportError('signing.checkpoint', error));
  const review = new ReviewService(store, {
    identity,
    trust: trustedKeys,
    onExported: (incidentId) => checkpoints.checkpoint(incidentId),
    operator,
    appVersion: options.version,
    rendererDir: options.rendererDir ?? join(options.assetsDir, '..', 'out', 'renderer'),
    onImported: (incidentId) => {
      incidents.track(incidentId);
      hub.emit('incidents.listChanged', {});
    },
  });
  const catalogue = ServiceCatalogue.inDataDir(options.dataDir);
  const statusPage = new StatusPageService({
    store,
    settings: new StatusPageSettingsFile(options.dataDir),
    catalogue: async () => (await catalogue.read()).services.map((s) => s.name),
    dataDir: options.dataDir,
    operator,
  });
  await statusPage.refresh();
  const connectors = await startConnectors({
    statusPage,
    dataDir: options.dataDir,
    store,
    incidents,
    operator,
    vault,
    redact: (text) => log.redactor.redactText(text),
    logFailure: rateLimitedFailureLog(log),
    outboxClaim: (incidentId, intentKey) => sync.claimOutbox(incidentId, intentKey),
  });
  // Runbooks are scanned and parsed on the first runbook request, not before the first incident is served.
  const runbookLibrary = await RunbookLibrary.open({ dataDir: options.dataDir, assetsDir: options.assetsDir }, { lazy: true });
  const checklists = new ChecklistService(store, runbookLibrary, operator);
  runbookLibrary.onChange(() => hub.emit('runbooks.libraryChanged', {}));
  runbookLibrary.pullInBackground((e) => reportError('runbooks.syncNow', e));
  const cadence = new CadencePolicyFile(options.dataDir);
  const updates = new UpdateService({
    store,
    templates: new UpdateTemplateFiles(options.dataDir, options.assetsDir),
    policy: cadence,
    delivery: connectors.updateDelivery,
    operator,
    deviceId: () => deviceId,
  });
  const announceBroken = (incidentId: string) => hub.emit('incident.changed', { incidentId, lastSeq: store.get(incidentId).log?.lastSeq ?? 0 });
  // Chain verification is background integrity work (only events past each log's verified prefix are hashed): it starts once the
  // first requests after start had the CPU, and a broken chain shows on its incident moments later.
  const chainCheck = setTimeout(() => void store.verifyChains(announceBroken), CHAIN_CHECK_DELAY_MS);
  chainCheck.unref();
  await checkpoints.verifyAll(announceBroken);
  store.onOpened((incidentId) => void checkpoints.verifyIncident(incidentId, announceBroken).catch((error: unknown) => reportError('signing.checkpoint', error)));
  // A full disk turning an incident read-only (or writable again) changes no events, only what the cockpit must show.
  store.onProblemsChanged((incidentId) => hub.emit('incident.changed', { incidentId, lastSeq: store.get(incidentId).log?.lastSeq ?? 0 }));
  statusPage.attachOutbox((incidentId, operation, origin) => connectors.outbox.queue(incidentId, operation, origin));
  // Resolving an incident that published to the status page posts its final entry there (and a crash in between is caught up).
  store.onAppend((incidentId, events) => statusPage.onAppend(incidentId, events));
  await statusPage.sweep().catch((error: unknown) => reportError('statusPage.sweep', error));
  store.onAppend((incidentId, events) => {
    hub.emit('incident.changed', { incidentId, lastSeq: events.at(-1)?.seq ?? 0 });
    if (events.some((e) => e.type === 'incident.declared')) hub.emit('incidents.listChanged', {});
  });

  const metrics = new MetricsService({ dataDir: options.dataDir, store, incidents, operator, vault, onUpdate: (incidentId) => hub.emit('metrics.updated', { incidentId }) });
  if (await metrics.settings.migrateSecretsToVault().catch((error: unknown) => (log.error('metrics', 'Moving metrics secrets into the vault failed', { error }), false))) {
    log.info('metrics', 'Moved the passwords, tokens and header values in metrics.json into the secret vault');
  }
  const openIncidents = () => incidents.list().flatMap((i) => (i.state && i.state.status !== 'resolved' ? [{ id: i.id, services: i.state.services }] : []));
  // Alerts reach the timeline whatever is on screen, not only while the metrics pane is open.
  if (options.backgroundSync !== false) metrics.watchAlerts(openIncidents);

  const healthQuery = prometheusHealthQuery(metrics);
  const rollbacks = new RollbackService({
    store,
    catalogue,
    operator,
    deviceId: () => deviceId,
    operatorHandle: () => people.current().handle,
    publishOutput: (output) => hub.emit('rollback.output', output),
    // Verification uses Prometheus only when the metrics capability is configured; otherwise it is a manual step.
    queryHealth: healthQuery,
    healthAvailable: () => metrics.isConfigured(),
    reportError,
  });
  await rollbacks.recoverInterrupted();
  const hotfixPolicy = new HotfixPolicyFile(options.dataDir);
  const hotfixes = new HotfixService({
    store,
    catalogue,
    policy: hotfixPolicy,
    operator,
    operatorHandle: () => people.current().handle,
    publishOutput: (output) => hub.emit('hotfix.output', output),
    queueOutbox: async (incidentId, operation, origin) => (await connectors.outbox.queue(incidentId, operation, origin)).intentKey,
    queryHealth: healthQuery,
    healthAvailable: () => metrics.isConfigured(),
    rolloutPlanOf: describeRolloutPlan,
  });
  await hotfixes.recoverInterrupted();
  const hotfixOf = (incidentId: string, hotfixId: string) => findHotfix(hotfixes.list(incidentId), hotfixId, incidentId);
  const rollouts = new RolloutEngine({
    store,
    catalogue,
    operator,
    // Through the metrics capability; with no Prometheus configured the analysis pauses (never passes).
    queryRange: prometheusRangeQuery(metrics),
    rollbacks,
    checkStart: (incidentId, hotfixId) => checkHotfixApproved(hotfixOf(incidentId, hotfixId)),
    publishOutput: (output) => hub.emit('hotfix.rolloutOutput', output),
    reportError,
  });
  await rollouts.recoverInterrupted();
  // Commits, merges and tags on the deploy refs of open incidents' services reach their timelines without a click.
  const gitHistory = new GitTimelinePoller({
    store,
    catalogue,
    operator,
    openIncidents,
    reportError,
    busy: (service) => rollbacks.isRunning(service),
  });
  if (options.backgroundSync !== false) {
    gitHistory.start();
    // A new incident gets its deploy history (back to the last releases before it) at once, not at the next pass.
    store.onAppend((_incidentId, events) => {
      if (events.some((e) => e.type === 'incident.declared')) void gitHistory.tick();
    });
  }
  await primeRedactor(connectors.settings, metrics.settings);

  const appInfo = async (): Promise<AppInfo> => ({
    version: options.version,
    mode: options.mode,
    dataDir: options.dataDir,
    operator: operator(),
    timelineWindowFrom: timelineWindowFrom(process.env.FIREBREAK_TIMELINE_WINDOW),
    capabilities: ['runbooks', 'updates', ...((await metrics.isConfigured()) ? (['metrics'] as const) : []), ...((await catalogue.read()).services.length > 0 ? (['rollback'] as const) : []), ...(await connectors.capabilities())],
  });

  const team = new TeamService({ store, incidents, identity: () => people.current(), nextUpdate: async (incidentId) => (await updates.cadence(incidentId)).next });

  const configTransfer: ConfigTransferDeps = { dataDir: options.dataDir, version: options.version, connectors: connectors.settings, metrics: metrics.settings, catalogue, runbooks: runbookLibrary, cadence };

  // Answered before the log is opened: the header from the incident's summary, the first timeline page from the log's tail.
  const opensItself = new Set(['incidents.get', 'timeline.page', 'timeline.search']);
  const router = openingRouter(store, redactingRouter(idempotentRouter(withOutputChecks(createRouter(
    {
      'app.info': appInfo,
      'app.diagnostics': () => diagnosticsReport({ info: appInfo, configuration: () => configurationSummary({ connectors: connectors.settings, metrics: metrics.settings, catalogue }), log }),
      'incidents.list': () => incidents.list(),
      'incidents.get': ({ incidentId }) => incidents.get(incidentId),
      'incidents.keyTimes': ({ incidentId }) => incidents.keyTimes(incidentId),
      'incidents.acknowledgeRecovery': ({ incidentId }) => incidents.acknowledgeRecovery(incidentId),
      'incidents.declare': (input) => incidents.declare(input),
      'incidents.changeStatus': (input) => incidents.changeStatus(input),
      'incidents.changeSeverity': (input) => incidents.changeSeverity(input),
      'incidents.changeCommander': (input) => incidents.changeCommander(input),
      'incidents.addNote': (input) => incidents.addNote(input),
      'timeline.events': (input) => incidents.timeline(input),
      'timeline.page': (input) => incidents.timelinePage(input),
      'timeline.search': (input) => incidents.timelineSearch(input),
      'timeline.pin': (input) => incidents.annotate(input),
      'review.get': (input) => review.get(input),
      'review.save': (input) => review.save(input),
      'review.exportBundle': (input) => review.exportBundle(input),
      'review.inspectBundle': (input) => review.inspectBundle(input),
      'review.importBundle': (input) => review.importBundle(input),
      'team.assignRole': (input) => team.assignRole(input),
      'team.releaseRole': (input) => team.releaseRole(input),
      'team.handoverDraft': ({ incidentId }) => team.handoverDraft(incidentId),
      'team.proposeHandover': (input) => team.proposeHandover(input),
      'team.withdrawHandover': ({ incidentId }) => team.withdrawHandover(incidentId),
      'team.acceptHandover': ({ incidentId }) => team.acceptHandover(incidentId),
      'team.recordHandover': ({ incidentId }) => team.recordHandover(incidentId),
      'identity.get': () => people.view(),
      'identity.save': (input) => people.save(input),
      'signing.identity': () => identity.publicIdentity(),
      'signing.trusted.list': async () => ({ keys: await trustedKeys.list() }),
      'signing.trusted.add': async ({ name, publicKey }) => ({ keys: await trustedKeys.add(name, publicKey) }),
      'signing.trusted.remove': async ({ fingerprint }) => ({ keys: await trustedKeys.remove(fingerprint) }),
      'timeline.classify': (input) => incidents.annotate(input),
      ...runbookHandlers(runbookLibrary, checklists),
      ...updateHandlers(updates),
      ...metricsHandlers(metrics),
      ...rollbackHandlers({ catalogue, rollbacks, store, operator }),
      ...connectorHandlers(connectors),
      'sync.status': () => sync.status(),
      'sync.incident': ({ incidentId }) => sync.incident(incidentId),
      'sync.devices': () => ({ devices: sync.devices() }),
      'sync.settings.get': () => sync.view(),
      'sync.settings.save': (input) => sync.save(input),
      ...hotfixHandlers(hotfixes, hotfixPolicy),
      ...rolloutHandlers(rollouts, hotfixOf),
      'statusPage.settings.get': () => statusPage.info(),
      'statusPage.settings.save': (input) => statusPage.save(input),
      'settings.exportConfig': () => exportConfig(configTransfer),
      'settings.importConfig': async ({ content }) => {
        const imported = await importConfig(configTransfer, content);
        log.info('settings', 'Configuration imported', { sections: imported.applied, notes: imported.notes.length });
        return imported;
      },
    },
    reportError,
  ), reportError), (channel, requestId) => recallCommittedRequest(store, channel, requestId)), log.redactor), { opensItself, beforeOpen: (id) => incidents.cold.beforeOpen(id) });
  await sync.start();
  log.info('core', 'Firebreak core ready', { incidents: incidents.list().length });

  return {
    router,
    hub,
    log,
    sync,
    close: async () => {
      clearTimeout(chainCheck);
      await sync.close();
      await gitHistory.stop();
      await connectors.close();
      await rollouts.close();
      await hotfixes.shutdown();
      await rollbacks.close();
      await metrics.close();
      await checkpoints.close();
      await store.close();
      log.info('core', 'Firebreak core stopped');
      await log.flush();
    },
  };
}

/** FIREBREAK_TIMELINE_WINDOW: the event count above which the renderer pages the timeline (a positive integer). */
export function timelineWindowFrom(value: string | undefined): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : DEFAULT_TIMELINE_WINDOW_FROM;
}
