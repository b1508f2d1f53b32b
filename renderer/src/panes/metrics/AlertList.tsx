// Firing alerts for the incident's services with labels, start time and silence state; silences can be created or expired.
import { useState } from 'react';
import type { MetricsView } from '../../../../shared/ipc';
import type { ActiveAlert } from '../../../../shared/metrics/alert-reconcile';
import { Time } from '../../time/Time';
import { FreshnessBadge } from './FreshnessBadge';
import type { useMetricsMutations } from './metrics-queries';
import { CreateSilenceDialog, ExpireSilenceDialog } from './SilenceDialogs';

export function AlertList({ alerts, mutations, readOnly }: { alerts: MetricsView['alerts']; mutations: ReturnType<typeof useMetricsMutations>; readOnly: boolean }) {
  const [silencing, setSilencing] = useState<ActiveAlert>();
  const [expiring, setExpiring] = useState<string>();
  const activeSilences = alerts.silences.filter((s) => s.state === 'active' || s.state === 'pending');
  return (
    <section className="alert-list" aria-label="Firing alerts" data-alert-count={alerts.alerts.length}>
      <header className="alert-list-header">
        <h3>Firing alerts ({alerts.alerts.length})</h3>
        {alerts.configured || readOnly ? <FreshnessBadge freshness={alerts.freshness} /> : <span className="pane-meta">No Alertmanager configured</span>}
      </header>
      {alerts.error ? (
        <p className="panel-error" role="alert" data-failure={alerts.error.kind}>
          {alerts.error.message}
        </p>
      ) : null}
      {alerts.alerts.length === 0 && alerts.configured ? <p className="panel-empty">Nothing firing for this incident's services.</p> : null}
      <ul>
        {alerts.alerts.map((a) => (
          <li key={a.fingerprint} className={`alert-item alert-${a.state}`} data-alertname={a.alertname}>
            <div className="alert-title">
              <strong>{a.alertname}</strong>
              <span className="pane-meta">since <Time at={a.startsAt} /></span>
              <span className={`alert-state alert-state-${a.state}`}>{a.silencedBy.length > 0 ? 'silenced' : a.inhibitedBy.length > 0 ? 'inhibited' : 'firing'}</span>
              {!readOnly && alerts.configured && a.silencedBy.length === 0 ? (
                <button type="button" className="link-button" onClick={() => setSilencing(a)}>
                  Silence…
                </button>
              ) : null}
            </div>
            {a.annotations.summary ? <p className="alert-summary">{a.annotations.summary}</p> : null}
            <div className="alert-labels">
              {Object.entries(a.labels)
                .filter(([k]) => k !== 'alertname')
                .map(([k, v]) => (
                  <code key={k} className="chip">
                    {k}={v}
                  </code>
                ))}
            </div>
          </li>
        ))}
      </ul>
      {activeSilences.length > 0 ? (
        <div className="silences">
          <h4>Silences</h4>
          <ul>
            {activeSilences.map((s) => (
              <li key={s.silenceId} className="silence-item" data-silence-id={s.silenceId}>
                <span>
                  {s.matchers.map((m) => `${m.name}="${m.value}"`).join(', ')} until <Time at={s.endsAt} /> — {s.comment} ({s.createdBy})
                </span>
                {!readOnly ? (
                  <button type="button" className="link-button" onClick={() => setExpiring(s.silenceId)}>
                    Expire…
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {silencing ? <CreateSilenceDialog alert={silencing} mutation={mutations.createSilence} onClose={() => setSilencing(undefined)} /> : null}
      {expiring ? <ExpireSilenceDialog silenceId={expiring} mutation={mutations.expireSilence} onClose={() => setExpiring(undefined)} /> : null}
    </section>
  );
}
