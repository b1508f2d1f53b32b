// "Copy diagnostics" button: fetches the redacted report, copies it, and says clearly whether that worked.
import { useState } from 'react';
import { getClient } from '../api/client';
import { copyDiagnostics, type CopyOutcome } from './copy-diagnostics';

export function useCopyDiagnostics() {
  const [outcome, setOutcome] = useState<CopyOutcome>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome(await copyDiagnostics(getClient(), typeof navigator !== 'undefined' ? navigator.clipboard : undefined));
    } finally {
      setBusy(false);
    }
  };
  return { outcome, busy, run };
}

export function DiagnosticsOutcome({ outcome }: { outcome: CopyOutcome | undefined }) {
  if (!outcome) return null;
  if (outcome.ok) {
    return (
      <p className="diagnostics-ok" role="status">
        {outcome.message}
      </p>
    );
  }
  return (
    <div className="error-notice" role="alert">
      <strong>Diagnostics not copied</strong>
      <p>{outcome.message}</p>
      {outcome.text ? <textarea className="diagnostics-text" readOnly value={outcome.text} aria-label="Diagnostics report" rows={10} onFocus={(e) => e.currentTarget.select()} /> : null}
    </div>
  );
}

export function CopyDiagnosticsButton() {
  const { outcome, busy, run } = useCopyDiagnostics();
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? 'Collecting…' : 'Copy diagnostics'}
      </button>
      <DiagnosticsOutcome outcome={outcome} />
    </>
  );
}
