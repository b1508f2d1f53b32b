// The rollout channels of the hot-fix contract, mapped onto the rollout engine; the hot fix names the service and must be approved.
import type { HotfixState } from '../../../../shared/hotfix/hotfix-state';
import { DomainError } from '../../../../shared/result';
import type { Handlers } from '../../ipc/router';
import type { RolloutEngine } from './rollout-engine';

export type RolloutChannel = 'hotfix.rollouts' | 'hotfix.startRollout' | 'hotfix.advanceStage' | 'hotfix.cancelStage';

/** The hot fix as the track sees it now; throws not_found when there is none. */
export type HotfixLookup = (incidentId: string, hotfixId: string) => HotfixState;

/** The track's rule for starting: only an approved hot fix ships (approvals, tests and rollback chosen). */
export function checkHotfixApproved(hotfix: HotfixState): void {
  if (hotfix.stage !== 'approved') {
    const why = hotfix.stage === 'open' ? 'it is not approved yet (see what blocks it in the track)' : `it is ${hotfix.stage}`;
    throw new DomainError('conflict', `Hot fix ${hotfix.id} cannot be rolled out: ${why}.`);
  }
}

export function rolloutHandlers(engine: RolloutEngine, hotfixOf: HotfixLookup): Pick<Handlers, RolloutChannel> {
  return {
    'hotfix.rollouts': ({ incidentId }) => engine.list(incidentId),
    'hotfix.startRollout': ({ incidentId, hotfixId }) => {
      const hotfix = hotfixOf(incidentId, hotfixId);
      return engine.start({ incidentId, hotfixId, service: hotfix.service, ...(hotfix.rollback ? { rollbackStrategy: hotfix.rollback.strategy } : {}) });
    },
    'hotfix.advanceStage': (input) => engine.advance(input),
    'hotfix.cancelStage': (input) => engine.cancel(input),
  };
}

/** Finds a hot fix in a list, or says there is none. */
export function findHotfix(list: readonly HotfixState[], hotfixId: string, incidentId: string): HotfixState {
  const found = list.find((h) => h.id === hotfixId);
  if (!found) throw new DomainError('not_found', `No hot fix ${hotfixId} in incident ${incidentId}.`);
  return found;
}
