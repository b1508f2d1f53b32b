// The hot-fix channels of the IPC contract, mapped onto the hot-fix service and the policy file.
import type { Handlers } from '../ipc/router';
import type { HotfixPolicyFile } from './hotfix-policy-file';
import type { HotfixService } from './hotfix-service';
import type { RolloutChannel } from './rollout/rollout-handlers';

/** The rollout's channels are served by rollout/rollout-handlers.ts. */
type HotfixChannel = Exclude<Extract<keyof Handlers, `hotfix.${string}`>, RolloutChannel>;

export function hotfixHandlers(hotfixes: HotfixService, policy: HotfixPolicyFile): Pick<Handlers, HotfixChannel> {
  return {
    'hotfix.list': ({ incidentId }) => hotfixes.list(incidentId),
    'hotfix.policy.get': () => policy.load(),
    'hotfix.policy.save': ({ policy: p }) => policy.save(p),
    'hotfix.open': (input) => hotfixes.open(input),
    'hotfix.overrideCriteria': (input) => hotfixes.overrideCriteria(input),
    'hotfix.chooseRollback': (input) => hotfixes.chooseRollback(input),
    'hotfix.createBranch': (input) => hotfixes.createBranch(input),
    'hotfix.linkChange': (input) => hotfixes.linkChange(input),
    'hotfix.runTests': (input) => hotfixes.runTests(input),
    'hotfix.cancelTests': (input) => hotfixes.cancelTests(input),
    'hotfix.testOutput': (input) => hotfixes.testOutput(input),
    'hotfix.recordCi': (input) => hotfixes.recordCi(input),
    'hotfix.overrideTests': (input) => hotfixes.overrideTests(input),
    'hotfix.approve': (input) => hotfixes.approve(input),
    'hotfix.verify': (input) => hotfixes.verify(input),
    'hotfix.tag': (input) => hotfixes.tag(input),
    'hotfix.notifyJira': (input) => hotfixes.notifyJira(input),
    'hotfix.close': (input) => hotfixes.close(input),
  };
}
