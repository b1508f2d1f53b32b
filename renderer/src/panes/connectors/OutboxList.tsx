// Outbound writes of the incident: pending (with the next retry and last error), failed (retry / cancel), sent and cancelled.
import { describeRetry, type OutboxItem } from '../../../../shared/outbox/outbox-state';
import { useNow } from '../../cockpit/use-now';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useIncidentConnectorMutations } from './connector-queries';
import { Time, useFormatTime } from '../../time/Time';


export function OutboxList({ incidentId, items, readOnly }: { incidentId: string; items: readonly OutboxItem[]; readOnly: boolean }) {
  const { retry, cancel } = useIncidentConnectorMutations(incidentId);
  const formatTime = useFormatTime();
  const now = useNow();
  if (items.length === 0) return <p className="field-hint">Nothing sent to Jira or PagerDuty yet.</p>;
  const counts = { pending: 0, failed: 0, sent: 0, cancelled: 0 };
  for (const i of items) counts[i.status]++;
  const ordered = [...items].sort((a, b) => rank(a) - rank(b) || b.queuedSeq - a.queuedSeq);
  return (
    <div className="outbox" data-section="outbox">
      <p className="outbox-counts">
        {counts.pending} pending · {counts.failed} failed · {counts.sent} sent{counts.cancelled ? ` · ${counts.cancelled} cancelled` : ''}
      </p>
      <ul className="outbox-list">
        {ordered.map((i) => (
          <li key={i.intentKey} className={`outbox-item outbox-${i.status}`} data-intent={i.intentKey} data-status={i.status}>
            <span className="outbox-status">{i.status}</span>
            <span className="outbox-what">{i.description}</span>
            <span className="field-hint">
              {i.system === 'statuspage' ? 'status page' : i.system} · queued <Time at={i.queuedAt} seconds />
              {i.attempts > 0 ? ` · ${i.attempts} attempt${i.attempts > 1 ? 's' : ''}` : ''}
              {i.failingSince && i.status === 'pending' ? (
                <>
                  {' · failing since '}
                  <Time at={i.failingSince} seconds />
                </>
              ) : null}
              {i.foundExisting ? ' · found the earlier copy, not sent twice' : ''}
            </span>
            {i.url ? (
              <a href={i.url} target="_blank" rel="noreferrer">
                {i.remoteId ?? 'open'}
              </a>
            ) : i.remoteId ? (
              <span className="field-hint">{i.remoteId}</span>
            ) : null}
            {describeRetry(i, now) ? (
              <span className="outbox-retry" title={i.retryAt ? `next try at ${formatTime(i.retryAt, true)}` : undefined}>
                {describeRetry(i, now)}
              </span>
            ) : null}
            {i.lastError && i.status !== 'sent' ? <span className="outbox-error">{i.lastError}</span> : null}
            {!readOnly && (i.status === 'failed' || i.status === 'pending') ? (
              <span className="row-actions">
                <button type="button" onClick={() => retry.mutate({ intentKey: i.intentKey })} disabled={retry.isPending}>
                  {i.status === 'failed' ? 'Retry' : 'Send now'}
                </button>
                <button type="button" onClick={() => cancel.mutate({ intentKey: i.intentKey })} disabled={cancel.isPending}>
                  Cancel
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorNotice error={retry.error ?? cancel.error} title="Outbox" />
    </div>
  );
}

function rank(i: OutboxItem): number {
  return { failed: 0, pending: 1, sent: 2, cancelled: 3 }[i.status];
}
