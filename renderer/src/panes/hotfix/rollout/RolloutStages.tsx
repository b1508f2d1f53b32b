// The rollout's stages in order: each with its command, streamed output (live while it runs) and the canary analysis after it.
import type { RolloutStageState, RolloutState } from '../../../../../shared/hotfix/rollout-state';
import { CanaryChart } from './CanaryChart';
import { analysisStatusLabels, stageStatusLabels, tone } from './rollout-labels';
import { useStageOutput } from './rollout-queries';

function StageOutput({ incidentId, rollout, stage, live }: { incidentId: string; rollout: RolloutState; stage: RolloutStageState; live: boolean }) {
  const streamed = useStageOutput(incidentId, rollout.id, live && stage.status === 'running' ? stage.id : undefined);
  const text = stage.status === 'running' && streamed ? streamed : stage.outputTail;
  if (!text) return null;
  return (
    <pre className="hotfix-output" aria-label={`Output of ${stage.label}`} aria-live={stage.status === 'running' ? 'polite' : 'off'}>
      {text}
    </pre>
  );
}

function StageAnalysis({ stage }: { stage: RolloutStageState }) {
  const a = stage.analysis;
  if (!a) return stage.analyze && stage.status === 'pending' ? <p className="pane-meta">Canary analysis for {stage.bakeSeconds} s after this stage.</p> : null;
  return (
    <div className="rollout-analysis" role="group" aria-label={`Canary analysis after ${stage.label}`}>
      <div className="hotfix-step-head">
        <span className="hotfix-step-title">Canary analysis</span>
        <span className={`hotfix-chip rollout-chip-${tone(a.status)}`}>{analysisStatusLabels[a.status]}</span>
      </div>
      {a.status === 'running' ? (
        <p className="hotfix-step-summary">
          {a.elapsedSeconds} s of {a.bakeSeconds} s{a.samples.length ? ` — ${a.samples.map((s) => `${s.canary} canary / ${s.baseline} baseline samples`).join(', ')}` : ''}
        </p>
      ) : null}
      {a.message ? <p className="hotfix-step-summary">{a.message}</p> : null}
      {a.queries.length ? (
        <ul className="hotfix-list">
          {a.queries.flatMap((q) => q.reasons.map((r) => <li key={`${q.queryId}-${r}`} className={q.outcome === 'pass' ? '' : 'rollout-reason-bad'}>{r}</li>))}
        </ul>
      ) : null}
      {a.series.map((s) => (
        <CanaryChart key={s.queryId} series={s} />
      ))}
    </div>
  );
}

export function RolloutStages({ incidentId, rollout, live }: { incidentId: string; rollout: RolloutState; live: boolean }) {
  return (
    <ol className="rollout-stages" aria-label="Rollout stages">
      {rollout.stages.map((s) => (
        // A stage whose command worked but whose canary failed (or paused) is marked by the analysis, not by the command.
        <li key={s.id} className={`rollout-stage rollout-${tone(s.analysis && s.analysis.status !== 'pass' ? s.analysis.status : s.status)}`} aria-label={`${s.label}: ${stageStatusLabels[s.status]}`}>
          <div className="hotfix-step-head">
            <span className="hotfix-step-title">
              {s.label}
              {s.percent !== undefined ? <span className="pane-meta"> · {s.percent}% of traffic</span> : null}
            </span>
            <span className={`hotfix-chip rollout-chip-${tone(s.status)}`}>{stageStatusLabels[s.status]}</span>
          </div>
          {s.command ? <code className="rollout-command">{s.command}</code> : null}
          {s.message && s.status !== 'succeeded' ? <p className="hotfix-step-summary">{s.message}</p> : null}
          <StageOutput incidentId={incidentId} rollout={rollout} stage={s} live={live} />
          <StageAnalysis stage={s} />
        </li>
      ))}
    </ol>
  );
}
