// The timeline line for each rollout event: which stage did what, and the canary analysis's verdict with its first reason.
import type { IncidentEvent } from '../events';

/** The stage as people call it (its label), else its id (logs written before labels rode along). */
const stageOf = (p: { stageId: string; label?: string | undefined }) => (p.label ? `"${p.label}"` : p.stageId);

export type RolloutEventType = Extract<IncidentEvent['type'], `rollout.${string}`>;
type RolloutEvent = Extract<IncidentEvent, { type: RolloutEventType }>;

const stageOutcomes = { succeeded: 'succeeded', failed: 'failed', timeout: 'timed out', cancelled: 'was cancelled' } as const;

export function describeRolloutEvent(event: RolloutEvent): string {
  switch (event.type) {
    case 'rollout.started':
      return `Rollout of ${event.payload.hotfixId} to ${event.payload.service} started: ${event.payload.stages.map((s) => s.label).join(' → ')}`;
    case 'rollout.stage_started':
      return `Rollout stage "${event.payload.label}" started: ${event.payload.command}`;
    case 'rollout.stage_output':
      return `Rollout stage ${stageOf(event.payload)} still running (${event.payload.lines} lines of output so far)`;
    case 'rollout.stage_finished':
      return `Rollout stage ${stageOf(event.payload)} ${stageOutcomes[event.payload.outcome]}: ${event.payload.message}`;
    case 'rollout.analysis_started':
      return `Canary analysis after ${stageOf(event.payload)} started: watching ${event.payload.queries.map((q) => q.label).join(', ')} for ${event.payload.bakeSeconds} s`;
    case 'rollout.analysis_progress':
      return `Canary analysis after ${stageOf(event.payload)}: ${event.payload.elapsedSeconds} s in, ${event.payload.samples.map((s) => `${s.canary}/${s.baseline} samples`).join(', ')}`;
    case 'rollout.analysis_finished': {
      const failing = event.payload.queries.filter((q) => q.outcome !== 'pass').flatMap((q) => q.reasons);
      if (event.payload.outcome === 'pass') return `Canary analysis after ${stageOf(event.payload)} passed: ${event.payload.queries.map((q) => q.label).join(', ')} within limits`;
      if (event.payload.outcome === 'paused') return `Canary analysis after ${stageOf(event.payload)} paused, not passed: ${event.payload.message ?? 'Prometheus could not be asked'}`;
      return `Canary analysis after ${stageOf(event.payload)} failed: ${failing[0] ?? event.payload.message ?? 'see the reasons'}`;
    }
    case 'rollout.stage_advanced':
      return event.payload.action === 'retry-analysis' ? `${event.actor} retried the canary analysis after ${stageOf(event.payload)}` : `${event.actor} advanced the rollout past ${stageOf(event.payload)}`;
    case 'rollout.completed':
      return `Rollout of ${event.payload.hotfixId} to ${event.payload.service} completed: every stage done`;
    case 'rollout.aborted':
      return `Rollout aborted at ${stageOf(event.payload)}: ${event.payload.message}`;
    case 'rollout.rollback_offered':
      return `Rollback of ${event.payload.service} offered${event.payload.strategy ? ` (${event.payload.strategy})` : ''}: ${event.payload.message}`;
    case 'rollout.rollback_started':
      return `Rollback of ${event.payload.service} started automatically (${event.payload.strategy}, ${event.payload.rollbackId})`;
  }
}
