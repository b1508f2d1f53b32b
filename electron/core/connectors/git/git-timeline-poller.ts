// Keeps open incidents' timelines up to date with their services' deploy-ref history (commits, merges, tags), without a click:
// every 15 s (services.json historyPollSeconds), for each unresolved incident and each of its services with a git repository.
import type { ServiceCatalogue } from '../../services/service-catalogue';
import type { IncidentStore } from '../../store/incident-store';
import { importGitTimeline } from './git-timeline-import';

export interface OpenIncident {
  id: string;
  services: readonly string[];
}

export interface GitTimelinePollerDeps {
  store: IncidentStore;
  catalogue: ServiceCatalogue;
  operator: () => string;
  openIncidents: () => OpenIncident[];
  /** Told once per incident, service and distinct failure, so an unreachable remote does not flood the log. */
  reportError: (area: string, error: unknown) => void;
  /** Overrides services.json's historyPollSeconds. */
  intervalMs?: number;
  now?: () => Date;
}

export const DEFAULT_HISTORY_POLL_MS = 15_000;

export class GitTimelinePoller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  private running: Promise<number> | undefined;
  private readonly reported = new Map<string, string>();

  constructor(private readonly deps: GitTimelinePollerDeps) {}

  /** Polls now and then every interval; the interval is re-read from services.json after each pass, so a change applies at once. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const loop = async () => {
      await this.tick();
      if (!this.started) return;
      const configured = (await this.deps.catalogue.read().catch(() => undefined))?.historyPollSeconds;
      if (!this.started) return;
      this.timer = setTimeout(() => void loop(), this.deps.intervalMs ?? (configured ? configured * 1000 : DEFAULT_HISTORY_POLL_MS));
      this.timer.unref?.();
    };
    void loop();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass; returns how many new commits and tags reached timelines. Overlapping calls share the pass in flight. */
  tick(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    const open = this.deps.openIncidents();
    if (open.length === 0) return 0;
    const services = (await this.deps.catalogue.list().catch(() => [])).filter((s) => s.git && s.deploy);
    let added = 0;
    for (const incident of open) {
      for (const service of services.filter((s) => incident.services.some((name) => name.toLowerCase() === s.name.toLowerCase()))) {
        const key = `${incident.id}/${service.name}`;
        try {
          const result = await importGitTimeline(this.deps.store, this.deps.catalogue, this.deps.operator(), { incidentId: incident.id, service: service.name }, this.deps.now);
          added += result.imported + result.tagsImported;
          this.reported.delete(key);
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          if (this.reported.get(key) !== message) this.deps.reportError(`git history for ${service.name} in ${incident.id}`, e);
          this.reported.set(key, message);
        }
      }
    }
    return added;
  }
}
