// IPC contract of the hot fix's controlled rollout: start it, advance a stage (or retry a paused analysis), cancel, list,
// and the live output of a running stage. Part of the hot-fix domain (spread into hotfixContract in ./hotfix.ts).
import { z } from 'zod';
import { AnalysisSeries, RolloutId } from '../events/hotfix-rollout-events';
import { QueryVerdict } from '../hotfix/canary-verdict';
import { HotfixId } from '../hotfix/hotfix-schemas';
import { request } from './define';
import { IncidentId } from './incidents';

const StageAnalysis = z.object({
  status: z.enum(['running', 'pass', 'fail', 'paused']),
  from: z.string(),
  to: z.string().optional(),
  bakeSeconds: z.number(),
  elapsedSeconds: z.number(),
  samples: z.array(z.object({ queryId: z.string(), canary: z.number(), baseline: z.number() })),
  queries: z.array(QueryVerdict),
  series: z.array(AnalysisSeries),
  message: z.string().optional(),
});

export const RolloutStateSchema = z.object({
  id: z.string(),
  hotfixId: z.string(),
  service: z.string(),
  startedAt: z.string(),
  startedBy: z.string(),
  onFailure: z.enum(['offer-rollback', 'rollback-automatically']),
  rollbackStrategy: z.string().optional(),
  stages: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      percent: z.number().optional(),
      analyze: z.boolean(),
      advance: z.enum(['automatic', 'on-click']),
      bakeSeconds: z.number(),
      status: z.enum(['pending', 'running', 'succeeded', 'failed', 'timeout', 'cancelled']),
      command: z.string().optional(),
      startedAt: z.string().optional(),
      finishedAt: z.string().optional(),
      durationMs: z.number().optional(),
      exitCode: z.number().optional(),
      message: z.string().optional(),
      outputTail: z.string().optional(),
      analysis: StageAnalysis.optional(),
    }),
  ),
  currentStageId: z.string().optional(),
  status: z.enum(['running', 'analysing', 'waiting', 'paused', 'completed', 'aborted']),
  aborted: z.object({ stageId: z.string(), reason: z.string(), message: z.string(), by: z.string() }).optional(),
  rollback: z.object({ offered: z.boolean(), strategy: z.string().optional(), message: z.string().optional(), rollbackId: z.string().optional() }).optional(),
  finishedAt: z.string().optional(),
});

const ByRollout = z.object({ incidentId: IncidentId, rolloutId: RolloutId });

export const hotfixRolloutContract = {
  'hotfix.rollouts': request('Every rollout of an incident: stages with their output, canary analyses with their series', z.object({ incidentId: IncidentId }), z.array(RolloutStateSchema)),
  'hotfix.startRollout': request(
    "Start the approved hot fix's controlled rollout with the service's configured stages (output streams as hotfix.rolloutOutput)",
    z.object({ incidentId: IncidentId, hotfixId: HotfixId }),
    RolloutStateSchema,
  ),
  'hotfix.advanceStage': request('Go on to the next stage after a passed analysis, or retry an analysis that paused', ByRollout, RolloutStateSchema),
  'hotfix.cancelStage': request(
    'Stop the running stage or analysis (or end a waiting rollout); the rollout aborts and the rollback is offered',
    ByRollout.extend({ reason: z.string().max(2000).optional() }),
    RolloutStateSchema,
  ),
};

export const hotfixRolloutEventContract = {
  /** Live output of a running rollout stage (coalesced; the log keeps summaries and the tail). */
  'hotfix.rolloutOutput': z.object({ incidentId: z.string(), rolloutId: z.string(), stageId: z.string(), chunk: z.string() }),
};
