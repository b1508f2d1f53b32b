// One line saying how a chosen rollback strategy would undo the hot fix, as approvers and the timeline read it.
import type { RollbackStrategyConfig, ServiceConfig } from '../../../shared/services/service-config';
import { deployRef } from '../../../shared/services/service-config';
import { commandLine } from '../connectors/git/git-runner';

export function describeStrategy(service: ServiceConfig, strategy: RollbackStrategyConfig): string {
  const ref = service.deploy ? deployRef(service.deploy) : 'the deploy ref';
  switch (strategy.kind) {
    case 'revert':
      return `reverting the fix on ${ref} (guarded rollback)`;
    case 'move-ref':
      return `moving ${ref} back to the release before the fix (guarded rollback)`;
    case 'command':
      return `running ${commandLine(strategy.command, strategy.args)}`.slice(0, 500);
    case 'kill-switch':
      return `the kill switch ${strategy.method} ${strategy.url}`.slice(0, 500);
  }
}
