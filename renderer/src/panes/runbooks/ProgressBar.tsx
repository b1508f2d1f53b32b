// A checklist's progress: done and skipped steps out of all steps, as an accessible progress bar.
import type { ChecklistProgress } from '../../../../shared/runbooks/checklist';

export function ProgressBar({ progress, label }: { progress: ChecklistProgress; label: string }) {
  const donePct = progress.total === 0 ? 0 : (progress.done * 100) / progress.total;
  const skippedPct = progress.total === 0 ? 0 : (progress.skipped * 100) / progress.total;
  return (
    <div className="runbook-progress">
      <div
        className="runbook-progress-track"
        role="progressbar"
        aria-label={`${label} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={`${progress.done} done, ${progress.skipped} skipped of ${progress.total}`}
      >
        <span className="runbook-progress-done" style={{ width: `${donePct}%` }} />
        <span className="runbook-progress-skipped" style={{ width: `${skippedPct}%` }} />
      </div>
      <span className="runbook-progress-text">
        {progress.done + progress.skipped}/{progress.total} · {progress.percent}%
      </span>
    </div>
  );
}
