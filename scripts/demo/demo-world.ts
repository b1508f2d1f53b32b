// The real Firebreak services the demo story is played through, on a throw-away data directory and a scripted clock, so the
// bundled demo is written by the same code (and validated by the same schemas and rules) as a real incident.
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { NewEvent } from '../../shared/events';
import type { Audience } from '../../shared/events';
import type { ActiveAlert } from '../../shared/metrics/alert-reconcile';
import { IncidentService } from '../../electron/core/incidents/incident-service';
import { AlertFeed } from '../../electron/core/metrics/alert-feed';
import { CaptureStore } from '../../electron/core/metrics/capture-store';
import type { AlertmanagerApi } from '../../electron/core/connectors/prometheus/alertmanager-api';
import { RollbackService } from '../../electron/core/rollback/rollback-service';
import { ChecklistService } from '../../electron/core/runbooks/checklist-service';
import { RunbookLibrary } from '../../electron/core/runbooks/runbook-library';
import { ServiceCatalogue } from '../../electron/core/services/service-catalogue';
import { IncidentStore } from '../../electron/core/store/incident-store';
import { CadencePolicyFile } from '../../electron/core/updates/cadence-policy-file';
import { UpdateTemplateFiles } from '../../electron/core/updates/template-files';
import { unconfiguredDelivery } from '../../electron/core/updates/update-delivery';
import { UpdateService } from '../../electron/core/updates/update-service';

/** The demo log is written by no real installation: its events written with sync off are named `dev_demo.<seq>` (event-refs.ts). */
export const DEMO_DEVICE_ID = 'dev_demo';

/** A clock the story sets by hand; while `autoStepMs` is set, every reading moves it on (a rollback's steps take time). */
export class DemoClock {
  autoStepMs = 0;
  constructor(private ms: number) {}
  set(ms: number): void {
    this.ms = ms;
  }
  read(): number {
    const now = this.ms;
    this.ms += this.autoStepMs;
    return now;
  }
  peek(): number {
    return this.ms;
  }
}

export interface DemoWorld {
  dataDir: string;
  clock: DemoClock;
  store: IncidentStore;
  incidents: IncidentService;
  checklists: ChecklistService;
  updates: UpdateService;
  rollbacks: RollbackService;
  catalogue: ServiceCatalogue;
  library: RunbookLibrary;
  captures: CaptureStore;
  /** Who the next action is done by. */
  as(actor: string): void;
  /** Appends what a connector would have recorded (pages, deploys, commits, tests, approvals). */
  record(event: NewEvent): Promise<void>;
  /** Polls the scripted Alertmanager once through the real alert feed. */
  pollAlerts(incidentId: string, services: string[], firing: ActiveAlert[]): Promise<void>;
  /** Renders the audience's draft (the shipped template, or `source`) and publishes it to the clipboard, as the pane does. */
  publish(incidentId: string, audience: Audience, source?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A stand-in `helm` on PATH for the rollback's configured command, printing what helm prints; the rollback service runs it
 * through its real command runner, so the steps, output tail and outcome are recorded exactly as in production.
 */
async function installHelm(dir: string): Promise<void> {
  const bin = join(dir, 'bin');
  await mkdir(bin, { recursive: true });
  const script = ['#!/bin/sh', 'echo "Rollback was a success! Happy Helming!"', 'echo "release \\"checkout-api\\" rolled back to revision 41 (checkout-api 5.30.2)"', ''].join('\n');
  await writeFile(join(bin, 'helm'), script);
  await chmod(join(bin, 'helm'), 0o755);
  process.env.PATH = `${bin}${delimiter}${process.env.PATH ?? ''}`;
}

export async function openDemoWorld(assetsDir: string, startMs: number, healthAt: (ms: number) => number): Promise<DemoWorld> {
  const dataDir = await mkdtemp(join(tmpdir(), 'firebreak-demo-'));
  await installHelm(dataDir);
  const clock = new DemoClock(startMs);
  const now = () => new Date(clock.read());
  let actor = 'firebreak';
  const operator = () => actor;
  const store = await IncidentStore.open(dataDir, { now });
  const library = await RunbookLibrary.open({ dataDir, assetsDir, now });
  const catalogue = ServiceCatalogue.inDataDir(dataDir);
  const alertFeed = new AlertFeed();
  let lastFiring: ActiveAlert[] = [];
  const fakeAlertmanager = { alerts: async () => lastFiring, silences: async () => [] } as unknown as AlertmanagerApi;
  const updates = new UpdateService({ store, templates: new UpdateTemplateFiles(dataDir, assetsDir), policy: new CadencePolicyFile(dataDir), delivery: unconfiguredDelivery, operator, deviceId: () => DEMO_DEVICE_ID, now });
  const rollbacks = new RollbackService({
    store,
    catalogue,
    operator,
    deviceId: () => DEMO_DEVICE_ID,
    queryHealth: async () => healthAt(clock.peek()),
    clock: { now: () => clock.peek(), sleep: async (ms) => clock.set(clock.peek() + ms) },
  });
  return {
    dataDir,
    clock,
    store,
    incidents: new IncidentService(store, operator, { deviceId: () => DEMO_DEVICE_ID }),
    checklists: new ChecklistService(store, library, operator),
    updates,
    rollbacks,
    catalogue,
    library,
    captures: new CaptureStore(join(dataDir, 'incidents')),
    as: (who) => void (actor = who),
    record: async (event) => void (await store.append(store.list()[0]!.id, [event])),
    pollAlerts: async (incidentId, services, firing) => {
      lastFiring = firing;
      await alertFeed.refresh(fakeAlertmanager, {
        now: () => clock.peek(),
        refreshMs: 30_000,
        services,
        serviceLabel: 'service',
        reconcile: true,
        events: () => store.get(incidentId).log?.events ?? [],
        append: (events) => store.append(incidentId, events),
      }, true);
    },
    publish: async (incidentId, audience, source) => {
      const draft = await updates.draft(incidentId, audience);
      const text = source ?? draft.source;
      const rendered = await updates.render(incidentId, audience, text);
      if (rendered.text === undefined) throw new Error(`The ${audience} update does not render: ${JSON.stringify(rendered.problems)}`);
      await updates.publish({ incidentId, audience, source: text, channels: ['clipboard'], format: 'markdown', renderedAt: rendered.renderedAt, expectedText: rendered.text });
      return rendered.text;
    },
    close: async () => {
      await rollbacks.close();
      await store.close();
    },
  };
}
