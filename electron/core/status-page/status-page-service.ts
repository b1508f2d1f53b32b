// The public status page use cases: its settings, regenerating it from every incident's log, writing it to the target,
// and the automatic final "Resolved" entry for incidents that published to it.
//
// The page is regenerated from the logs on every publish rather than kept as a separate page state: the logs are already
// the crash-safe record of what was published, so there is no second copy to drift, a retried publish writes the same
// files again (harmless to repeat), and past incidents stay listed for as long as their logs exist.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { IncidentEvent } from '../../../shared/events';
import type { OutboxOperation } from '../../../shared/outbox/outbox-operation';
import { DomainError } from '../../../shared/result';
import { projectStatusPage, resolvedEntryProjection, STATUS_PAGE_CHANNEL, type IncidentLogInput } from '../../../shared/status-page/project-status-page';
import { renderAtomFeed } from '../../../shared/status-page/render-atom';
import { renderStatusHtml } from '../../../shared/status-page/render-html';
import { renderSummaryJson } from '../../../shared/status-page/render-summary';
import type { StatusPageSettingsInput } from '../../../shared/status-page/status-page-model';
import type { IncidentStore } from '../store/incident-store';
import type { StatusPageSettingsFile, StatusPageSettingsInfo } from './status-page-settings-file';
import { writePage, type PageFile, type WriteOutcome } from './status-page-writer';

/** How the outbox is reached; set once the connectors core exists (it is built after this service). */
export type QueueWrite = (incidentId: string, operation: OutboxOperation, origin: string) => Promise<{ intentKey: string }>;

export interface StatusPageServiceDeps {
  store: IncidentStore;
  settings: StatusPageSettingsFile;
  /** Service names from the catalogue, listed as components when the settings name none. */
  catalogue: () => Promise<string[]>;
  dataDir: string;
  operator: () => string;
  now?: () => Date;
}

export const resolvedEntryText = (title: string) =>
  `**Resolved** — ${title}\n\nThis incident has been resolved and the affected services are operating normally. Thank you for your patience.`;

export class StatusPageService {
  private queue: QueueWrite | undefined;
  private configuredNow = false;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(private readonly deps: StatusPageServiceDeps) {
    this.deps.store.foldTogether(resolvedEntryProjection);
    this.now = deps.now ?? (() => new Date());
    deps.settings.onChange(() => void this.refresh());
  }

  /** Reads the settings once so configured() can answer synchronously (channel lists are built synchronously). */
  async refresh(): Promise<StatusPageSettingsInfo> {
    const info = await this.deps.settings.load();
    this.configuredNow = info.settings !== undefined;
    return info;
  }

  configured(): boolean {
    return this.configuredNow;
  }

  info(): Promise<StatusPageSettingsInfo> {
    return this.refresh();
  }

  async save(input: StatusPageSettingsInput): Promise<StatusPageSettingsInfo> {
    const saved = await this.deps.settings.save(input);
    this.configuredNow = true;
    return saved;
  }

  attachOutbox(queue: QueueWrite): void {
    this.queue = queue;
  }

  private logs(): IncidentLogInput[] {
    // Each log is streamed from disk when the page is rendered (a rare publish), never held as an array.
    return this.deps.store.list().flatMap((i) => {
      const log = i.log;
      return log ? [{ incidentId: i.id, events: { [Symbol.iterator]: () => log.read() } }] : [];
    });
  }

  /** The three files as they would be written now. */
  async render(): Promise<PageFile[]> {
    const { settings, problem } = await this.refresh();
    if (!settings) throw new DomainError('unavailable', problem ?? 'The status page is not set up yet: choose where it is written in Settings → Status page.');
    const model = projectStatusPage(this.logs(), settings, await this.deps.catalogue(), this.now().toISOString());
    return [
      { name: 'summary.json', content: renderSummaryJson(model) },
      { name: 'feed.xml', content: renderAtomFeed(model) },
      { name: 'index.html', content: renderStatusHtml(model) },
    ];
  }

  /** Regenerates the page from every log and writes it; the outbox calls this, so failures are retried and shown there. */
  async publish(reason: string): Promise<WriteOutcome> {
    const files = await this.render();
    const { settings } = await this.deps.settings.load();
    return writePage(settings!.target, join(this.deps.dataDir, 'status-page', 'git-work'), files, `Status page: ${reason}`);
  }

  /** Queues a publish in the incident's outbox; returns the outbox entry's key. */
  async queuePublish(incidentId: string, reason: string, origin: string): Promise<string> {
    if (!this.queue) throw new DomainError('unavailable', 'The outbox is not running, so the status page cannot be published.');
    return (await this.queue(incidentId, { kind: 'statuspage.publish', reason }, origin)).intentKey;
  }

  /** Posts the final entry for every resolved incident that still owes one (after a crash between resolving and posting). */
  async sweep(): Promise<void> {
    for (const { incidentId } of this.logs()) await this.postResolvedEntry(incidentId);
  }

  /** Called with every append; a resolution of an incident that published to the page posts its final entry. */
  onAppend(incidentId: string, events: readonly IncidentEvent[]): void {
    if (!events.some((e) => e.type === 'incident.status_changed' && e.payload.to === 'resolved')) return;
    void this.postResolvedEntry(incidentId).catch(() => undefined);
  }

  /** One at a time, re-checked when it runs, so two quick appends never post the final entry twice. */
  postResolvedEntry(incidentId: string): Promise<boolean> {
    const run = this.chain.then(async () => {
      const declared = this.deps.store.get(incidentId).log?.firstEvent;
      if (declared?.type !== 'incident.declared' || !this.deps.store.projection(incidentId, resolvedEntryProjection)) return false;
      const actor = this.deps.operator();
      const ts = this.now().toISOString();
      const publicationId = `pub-${Date.parse(ts).toString(36)}-${randomBytes(3).toString('hex')}`;
      const text = resolvedEntryText(declared.payload.title);
      await this.deps.store.append(incidentId, [
        { type: 'update.published', actor, ts, payload: { audience: 'customers', channel: STATUS_PAGE_CHANNEL, channels: [STATUS_PAGE_CHANNEL], text, format: 'markdown', publicationId } },
      ]);
      const configured = this.configured() && this.queue !== undefined;
      const outboxId = configured ? await this.queuePublish(incidentId, 'final "Resolved" entry', `update:${publicationId}`) : undefined;
      const detail = outboxId ? 'Queued in the outbox for the status page.' : 'The status page is not set up (Settings → Status page); the entry is recorded and appears on the next publish.';
      await this.deps.store.append(incidentId, [
        {
          type: 'update.delivery_queued',
          actor,
          ts,
          payload: { publicationId, audience: 'customers', channel: STATUS_PAGE_CHANNEL, connectorConfigured: configured, ...(outboxId ? { outboxId } : {}), detail },
        },
      ]);
      return true;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }
}
