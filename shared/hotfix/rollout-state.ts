// Pure projection of hot-fix rollouts from the incident log: what the rollout section, playback and the engine's checks read.
import type { IncidentEvent } from '../events';
import type { AnalysisSeries } from '../events/hotfix-rollout-events';
import type { ProjectionDef } from '../projections/incremental-projection';
import type { QueryVerdict } from './canary-verdict';

export interface StageAnalysisState {
  status: 'running' | 'pass' | 'fail' | 'paused';
  from: string;
  to?: string;
  bakeSeconds: number;
  elapsedSeconds: number;
  samples: { queryId: string; canary: number; baseline: number }[];
  queries: QueryVerdict[];
  series: AnalysisSeries[];
  message?: string;
}

export interface RolloutStageState {
  id: string;
  label: string;
  percent?: number;
  analyze: boolean;
  advance: 'automatic' | 'on-click';
  bakeSeconds: number;
  status: 'pending' | 'running' | 'succeeded' | 'failed' | 'timeout' | 'cancelled';
  command?: string;
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
  exitCode?: number;
  message?: string;
  outputTail?: string;
  analysis?: StageAnalysisState;
}

export type RolloutStatus = 'running' | 'analysing' | 'waiting' | 'paused' | 'completed' | 'aborted';

export interface RolloutState {
  id: string;
  hotfixId: string;
  service: string;
  startedAt: string;
  startedBy: string;
  onFailure: 'offer-rollback' | 'rollback-automatically';
  rollbackStrategy?: string;
  stages: RolloutStageState[];
  /** The stage being run, analysed or waited on (the last one started). */
  currentStageId?: string;
  status: RolloutStatus;
  aborted?: { stageId: string; reason: string; message: string; by: string };
  rollback?: { offered: boolean; strategy?: string; message?: string; rollbackId?: string };
  finishedAt?: string;
}

/** What the rollout is doing now, from its stages: the one truth the pane and the engine's guards share. */
export function statusOf(r: Omit<RolloutState, 'status'>): RolloutStatus {
  if (r.aborted) return 'aborted';
  if (r.finishedAt) return 'completed';
  const index = r.stages.findIndex((s) => s.id === r.currentStageId);
  const stage = r.stages[index];
  if (!stage || stage.status === 'running' || stage.status === 'pending') return 'running';
  if (stage.status !== 'succeeded') return 'running';
  if (stage.analyze) {
    if (!stage.analysis || stage.analysis.status === 'running') return 'analysing';
    if (stage.analysis.status === 'paused') return 'paused';
    if (stage.analysis.status === 'fail') return 'running';
  }
  return index < r.stages.length - 1 ? 'waiting' : 'running';
}

type Rollouts = Map<string, RolloutState>;

function update(map: Rollouts, rolloutId: string, change: (r: RolloutState) => Omit<RolloutState, 'status'>): Rollouts {
  const current = map.get(rolloutId);
  if (!current) return map;
  const next = change(current);
  map.set(rolloutId, { ...next, status: statusOf(next) });
  return map;
}

const updateStage = (r: RolloutState, stageId: string, change: (s: RolloutStageState) => RolloutStageState): RolloutState => ({
  ...r,
  stages: r.stages.map((s) => (s.id === stageId ? change(s) : s)),
});

/** Folds one event into the rollouts (keyed by rollout id); other domains' events are ignored. */
export function applyRolloutEvent(map: Rollouts, event: IncidentEvent): Rollouts {
  switch (event.type) {
    case 'rollout.started': {
      const p = event.payload;
      const base = {
        id: p.rolloutId,
        hotfixId: p.hotfixId,
        service: p.service,
        startedAt: event.ts,
        startedBy: event.actor,
        onFailure: p.onFailure,
        ...(p.rollbackStrategy ? { rollbackStrategy: p.rollbackStrategy } : {}),
        stages: p.stages.map((s) => ({ ...s, status: 'pending' as const })),
      };
      map.set(p.rolloutId, { ...base, status: statusOf(base) });
      return map;
    }
    case 'rollout.stage_started': {
      const p = event.payload;
      return update(map, p.rolloutId, (r) => ({
        ...updateStage(r, p.stageId, (s) => ({ ...s, status: 'running', command: p.command, startedAt: event.ts })),
        currentStageId: p.stageId,
      }));
    }
    case 'rollout.stage_output': {
      const p = event.payload;
      return update(map, p.rolloutId, (r) => updateStage(r, p.stageId, (s) => ({ ...s, outputTail: p.outputTail })));
    }
    case 'rollout.stage_finished': {
      const p = event.payload;
      return update(map, p.rolloutId, (r) =>
        updateStage(r, p.stageId, (s) => ({
          ...s,
          status: p.outcome,
          finishedAt: event.ts,
          durationMs: p.durationMs,
          message: p.message,
          ...(p.exitCode !== undefined ? { exitCode: p.exitCode } : {}),
          ...(p.outputTail !== undefined ? { outputTail: p.outputTail } : {}),
        })),
      );
    }
    case 'rollout.analysis_started': {
      const p = event.payload;
      return update(map, p.rolloutId, (r) =>
        updateStage(r, p.stageId, (s) => ({ ...s, analysis: { status: 'running', from: p.from, bakeSeconds: p.bakeSeconds, elapsedSeconds: 0, samples: [], queries: [], series: [] } })),
      );
    }
    case 'rollout.analysis_progress': {
      const p = event.payload;
      return update(map, p.rolloutId, (r) => updateStage(r, p.stageId, (s) => (s.analysis ? { ...s, analysis: { ...s.analysis, elapsedSeconds: p.elapsedSeconds, samples: p.samples } } : s)));
    }
    case 'rollout.analysis_finished': {
      const p = event.payload;
      return update(map, p.rolloutId, (r) =>
        updateStage(r, p.stageId, (s) => ({
          ...s,
          analysis: {
            status: p.outcome,
            from: p.from,
            to: p.to,
            bakeSeconds: s.analysis?.bakeSeconds ?? s.bakeSeconds,
            elapsedSeconds: s.analysis?.elapsedSeconds ?? 0,
            samples: s.analysis?.samples ?? [],
            queries: p.queries,
            series: p.series,
            ...(p.message ? { message: p.message } : {}),
          },
        })),
      );
    }
    case 'rollout.stage_advanced': {
      const p = event.payload;
      // A retry starts the stage's analysis afresh; going on needs nothing here (the next stage's start moves the rollout).
      if (p.action !== 'retry-analysis') return map;
      return update(map, p.rolloutId, (r) => updateStage(r, p.stageId, (s) => (s.analysis ? { ...s, analysis: { ...s.analysis, status: 'running', queries: [], series: [] } } : s)));
    }
    case 'rollout.completed':
      return update(map, event.payload.rolloutId, (r) => ({ ...r, finishedAt: event.ts }));
    case 'rollout.aborted': {
      const p = event.payload;
      return update(map, p.rolloutId, (r) => ({ ...r, finishedAt: event.ts, aborted: { stageId: p.stageId, reason: p.reason, message: p.message, by: event.actor } }));
    }
    case 'rollout.rollback_offered': {
      const p = event.payload;
      return update(map, p.rolloutId, (r) => ({ ...r, rollback: { ...r.rollback, offered: true, message: p.message, ...(p.strategy ? { strategy: p.strategy } : {}) } }));
    }
    case 'rollout.rollback_started': {
      const p = event.payload;
      return update(map, p.rolloutId, (r) => ({ ...r, rollback: { offered: r.rollback?.offered ?? false, ...r.rollback, strategy: p.strategy, rollbackId: p.rollbackId } }));
    }
    default:
      return map;
  }
}

/** Rollouts in the order they started. */
export const rolloutProjection: ProjectionDef<Rollouts, RolloutState[]> = {
  name: 'rollouts',
  initial: () => new Map(),
  apply: applyRolloutEvent,
  view: (map) => [...map.values()],
};

export function projectRollouts(events: readonly IncidentEvent[]): RolloutState[] {
  return rolloutProjection.view(events.reduce((m, e) => applyRolloutEvent(m, e), rolloutProjection.initial('')));
}
