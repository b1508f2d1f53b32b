// The rollout plan in one line, as the approver reads it: stages, how each advances, and what the canary analysis watches.
import type { ServiceConfig } from '../services/service-config';

export function describeRolloutPlan(service: ServiceConfig): string {
  const r = service.rollout;
  if (!r) return `no rollout stages are configured for ${service.name} yet`;
  const stages = r.stages.map((s) => `${s.label}${s.analyze && r.analysis ? ` (canary analysis ${s.bakeSeconds} s${s.advance === 'automatic' ? ', then on by itself' : ', then on a click'})` : ''}`).join(' → ');
  const queries = r.analysis ? `; analysis compares canary and baseline on ${r.analysis.queries.map((q) => q.label).join(', ')}` : '';
  const failure = r.onFailure === 'rollback-automatically' ? `; on failure the ${r.rollbackStrategy} rollback runs automatically` : '; on failure the rollback is offered';
  return `${stages}${queries}${failure}`;
}
