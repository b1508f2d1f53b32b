// Composes the plain-Node core (store, services, router, event hub) that both the Electron main process and the browser host serve.
import { userInfo } from 'node:os';
import type { AppInfo } from '../../shared/ipc';
import { seedDemoIncident } from './demo/seed-demo';
import { IncidentService } from './incidents/incident-service';
import { EventHub } from './ipc/event-hub';
import { createRouter, type ErrorReporter, type Router } from './ipc/router';
import { IncidentStore } from './store/incident-store';

export interface CoreOptions {
  dataDir: string;
  assetsDir: string;
  mode: AppInfo['mode'];
  version: string;
  operator?: string;
  seedDemo?: boolean;
  reportError?: ErrorReporter;
}

export interface FirebreakCore {
  router: Router;
  hub: EventHub;
  close(): Promise<void>;
}

function defaultOperator(): string {
  try {
    return process.env.FIREBREAK_OPERATOR || userInfo().username || 'commander';
  } catch {
    return 'commander';
  }
}

export async function startCore(options: CoreOptions): Promise<FirebreakCore> {
  if (options.seedDemo !== false) await seedDemoIncident(options.dataDir, options.assetsDir);
  const store = await IncidentStore.open(options.dataDir);
  const operator = options.operator ?? defaultOperator();
  const incidents = new IncidentService(store, () => operator);
  const hub = new EventHub();
  store.onAppend((incidentId, events) => {
    hub.emit('incident.changed', { incidentId, lastSeq: events.at(-1)?.seq ?? 0 });
    if (events.some((e) => e.type === 'incident.declared')) hub.emit('incidents.listChanged', {});
  });

  const router = createRouter(
    {
      'app.info': () => ({ version: options.version, mode: options.mode, dataDir: options.dataDir, operator, capabilities: [] }),
      'incidents.list': () => incidents.list(),
      'incidents.get': ({ incidentId }) => incidents.get(incidentId),
      'incidents.declare': (input) => incidents.declare(input),
      'incidents.changeStatus': (input) => incidents.changeStatus(input),
      'incidents.changeSeverity': (input) => incidents.changeSeverity(input),
      'incidents.changeCommander': (input) => incidents.changeCommander(input),
      'incidents.addNote': (input) => incidents.addNote(input),
      'timeline.events': (input) => incidents.timeline(input),
    },
    options.reportError,
  );

  return { router, hub, close: () => store.close() };
}
