// The services, rollback and git-import channels of the IPC contract, mapped onto the catalogue and the rollback service.
import type { Handlers } from '../ipc/router';
import { importGitTimeline } from '../connectors/git/git-timeline-import';
import { assertWorkingClone } from '../services/clone-path-check';
import type { ServiceCatalogue } from '../services/service-catalogue';
import type { IncidentStore } from '../store/incident-store';
import type { RollbackService } from './rollback-service';

type RollbackChannel = Extract<keyof Handlers, `services.${string}` | `rollback.${string}` | 'git.importTimeline'>;

export function rollbackHandlers(deps: { catalogue: ServiceCatalogue; rollbacks: RollbackService; store: IncidentStore; operator: () => string }): Pick<Handlers, RollbackChannel> {
  const { catalogue, rollbacks } = deps;
  return {
    'services.list': async () => {
      const { services, problem } = await catalogue.read();
      return { services, file: catalogue.file, ...(problem ? { problem } : {}) };
    },
    'services.put': async ({ service }) => {
      await assertWorkingClone(service);
      return catalogue.put(service);
    },
    'services.remove': async ({ name }) => {
      await catalogue.remove(name);
      return {};
    },
    'rollback.list': ({ incidentId }) => rollbacks.list(incidentId),
    'rollback.plan': (input) => rollbacks.plan(input),
    'rollback.approve': (input) => rollbacks.approve(input),
    'rollback.confirm': (input) => rollbacks.confirm(input),
    'rollback.cancel': (input) => rollbacks.cancel(input),
    'rollback.verify': (input) => rollbacks.verify(input),
    'git.importTimeline': (input) => importGitTimeline(deps.store, catalogue, deps.operator(), input),
  };
}
