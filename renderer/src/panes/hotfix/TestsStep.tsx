// Rapid tests: run the service's targeted test command with its output streamed, or record an external CI run by URL; a
// failure can be overridden with a recorded reason.
import { useState } from 'react';
import type { HotfixState } from '../../../../shared/hotfix/hotfix-state';
import type { ServiceConfig } from '../../../../shared/services/service-config';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useHotfixCall, useTestOutput } from './hotfix-queries';

export function TestsStep({ incidentId, hotfix: h, service, editable }: { incidentId: string; hotfix: HotfixState; service: ServiceConfig | undefined; editable: boolean }) {
  const run = useHotfixCall(incidentId, 'hotfix.runTests');
  const cancel = useHotfixCall(incidentId, 'hotfix.cancelTests');
  const ci = useHotfixCall(incidentId, 'hotfix.recordCi');
  const override = useHotfixCall(incidentId, 'hotfix.overrideTests');
  const [url, setUrl] = useState('');
  const [outcome, setOutcome] = useState<'passed' | 'failed'>('passed');
  const [reason, setReason] = useState('');
  const running = h.tests?.status === 'running';
  const live = useTestOutput(incidentId, h.id, running ? h.tests?.runId : undefined);
  const output = running ? live : h.tests?.outputTail;
  const failed = h.tests && !running && h.tests.status !== 'passed' && !h.testsOverride;
  const command = service?.hotfix?.testCommand;
  if (!h.change) return null;
  return (
    <div className="hotfix-tests">
      {h.tests?.kind === 'ci' && h.tests.url ? (
        <p className="hotfix-step-summary">
          CI run:{' '}
          <a href={h.tests.url} target="_blank" rel="noreferrer">
            {h.tests.url}
          </a>
        </p>
      ) : null}
      {h.tests?.message ? <p className="hotfix-step-summary">{h.tests.message}</p> : null}
      {output ? (
        <pre className="hotfix-output" aria-label="Test output" aria-live={running ? 'polite' : 'off'}>
          {output}
        </pre>
      ) : null}
      {editable ? (
        <div className="hotfix-actions">
          {running ? (
            <button type="button" onClick={() => cancel.mutate({ hotfixId: h.id })} disabled={cancel.isPending}>
              Cancel tests
            </button>
          ) : command ? (
            <button type="button" onClick={() => run.mutate({ hotfixId: h.id })} disabled={run.isPending}>
              Run targeted tests
            </button>
          ) : (
            <span className="field-hint">{h.service} has no targeted test command; record a CI run instead, or add one under “hotfix” in the service.</span>
          )}
        </div>
      ) : null}
      <ErrorNotice error={run.error ?? cancel.error} title="The tests could not be run" />
      {editable && !running ? (
        <details>
          <summary>Record an external CI result instead</summary>
          <form
            className="hotfix-inline-form"
            aria-label="Record a CI result"
            onSubmit={(e) => {
              e.preventDefault();
              ci.mutate({ hotfixId: h.id, url: url.trim(), outcome }, { onSuccess: () => setUrl('') });
            }}
          >
            <label>
              CI run URL
              <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://ci.example.com/runs/123" />
            </label>
            <label>
              Result
              <select value={outcome} onChange={(e) => setOutcome(e.target.value as 'passed' | 'failed')}>
                <option value="passed">Passed</option>
                <option value="failed">Failed</option>
              </select>
            </label>
            <button type="submit" disabled={ci.isPending || url.trim() === ''}>
              Record CI result
            </button>
            <ErrorNotice error={ci.error} title="The CI result was not recorded" />
          </form>
        </details>
      ) : null}
      {editable && failed ? (
        <form
          className="hotfix-inline-form"
          aria-label="Override the failed tests"
          onSubmit={(e) => {
            e.preventDefault();
            override.mutate({ hotfixId: h.id, reason });
          }}
        >
          <label>
            Reason to approve despite the failed tests
            <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. known flaky test, checked by hand on staging" />
          </label>
          <button type="submit" disabled={override.isPending}>
            Override the tests
          </button>
          <ErrorNotice error={override.error} title="The override was not recorded" />
        </form>
      ) : null}
    </div>
  );
}
