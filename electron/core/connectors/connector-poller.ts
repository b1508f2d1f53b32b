// Keeps linked Jira issues and PagerDuty incidents flowing into open incidents' timelines by syncing them on an interval.
import { incidentProjection, linksProjection } from '../../../shared/projections/domain-projections';
import type { IncidentStore } from '../store/incident-store';
import type { ConnectorSettings } from './connector-settings';

export interface SyncTargets {
  jira: { sync(incidentId: string): Promise<unknown> };
  pagerDuty: { sync(incidentId: string): Promise<unknown> };
}

export class ConnectorPoller {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** The last failure per incident and system, so the settings panel can explain a silent sync. */
  readonly lastErrors = new Map<string, string>();

  constructor(
    private readonly store: IncidentStore,
    private readonly settings: ConnectorSettings,
    private readonly targets: SyncTargets,
    private readonly intervalMs = 60_000,
    /** Told about each failed sync (the application log, rate-limited there). */
    private readonly onError: (key: string, message: string) => void = () => undefined,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.pollOnce(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One sync pass over incidents that are not resolved and have links; failures are remembered, never thrown. */
  async pollOnce(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const [jiraOn, pdOn] = [await this.settings.jiraConfigured(), await this.settings.pagerDutyConfigured()];
      if (!jiraOn && !pdOn) return;
      for (const listed of this.store.list()) {
        // A log not opened yet is opened only when its summary says it is linked and not resolved.
        const summary = listed.summary;
        if (summary && (!summary.linked || summary.state?.status === 'resolved')) continue;
        const incident = summary ? await this.store.ensureOpen(listed.id) : listed;
        // Cached incremental projections: a pass folds only what was appended since the last one, not every log from the start.
        if (!incident.log || this.store.projection(incident.id, incidentProjection)?.status === 'resolved') continue;
        const links = this.store.projection(incident.id, linksProjection);
        if (jiraOn && links.jiraIssues.length > 0) await this.guard(`${incident.id}/jira`, () => this.targets.jira.sync(incident.id));
        if (pdOn && links.pagerDuty) await this.guard(`${incident.id}/pagerduty`, () => this.targets.pagerDuty.sync(incident.id));
      }
    } finally {
      this.running = false;
    }
  }

  private async guard(key: string, task: () => Promise<unknown>): Promise<void> {
    try {
      await task();
      this.lastErrors.delete(key);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.lastErrors.set(key, message);
      this.onError(key, message);
    }
  }
}
