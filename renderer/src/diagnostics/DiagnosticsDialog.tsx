// Opened from the command palette: copies the diagnostics report at once and shows the outcome until dismissed.
import { useEffect, useRef } from 'react';
import { Dialog } from '../ui/Dialog';
import { DiagnosticsOutcome, useCopyDiagnostics } from './CopyDiagnosticsButton';

export function DiagnosticsDialog({ onClose }: { onClose: () => void }) {
  const { outcome, busy, run } = useCopyDiagnostics();
  const started = useRef(false);
  useEffect(() => {
    // Runs once per opening (StrictMode mounts effects twice in development).
    if (started.current) return;
    started.current = true;
    void run();
  }, [run]);
  return (
    <Dialog title="Copy diagnostics" onClose={onClose}>
      <p>Versions, platform, configuration and the last 200 log lines — with tokens, passwords and keys removed — for a support ticket.</p>
      {busy ? <p className="loading">Collecting diagnostics…</p> : null}
      <DiagnosticsOutcome outcome={outcome} />
      <div className="form-actions">
        <button type="button" onClick={() => void run()} disabled={busy}>
          Copy again
        </button>
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
