// How the rollout's events move the hot-fix track: approved → rolling-out when it starts, → rolled-out at 100%, back to
// approved when it aborts (the fix can be rolled out again, or rolled back). Applied through applyHotfixRollout.
import type { IncidentEvent } from '../events';
import type { HotfixStage } from './hotfix-state';

export interface HotfixStageMove {
  hotfixId: string;
  from: HotfixStage;
  to: 'approved' | 'rolling-out' | 'rolled-out';
}

export function hotfixStageMove(event: IncidentEvent): HotfixStageMove | undefined {
  switch (event.type) {
    case 'rollout.started':
      return { hotfixId: event.payload.hotfixId, from: 'approved', to: 'rolling-out' };
    case 'rollout.completed':
      return { hotfixId: event.payload.hotfixId, from: 'rolling-out', to: 'rolled-out' };
    case 'rollout.aborted':
      return { hotfixId: event.payload.hotfixId, from: 'rolling-out', to: 'approved' };
    default:
      return undefined;
  }
}
