// The linked PagerDuty incident: status, acknowledge / resolve, notes, status updates, Events v2, on-call and sync.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { LinkedPagerDutyIncident } from '../../../../shared/connectors/incident-links';
import { getClient } from '../../api/client';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useIncidentConnectorMutations } from './connector-queries';

export function PagerDutySection({ incidentId, linked, readOnly, routingKeyNames }: { incidentId: string; linked: LinkedPagerDutyIncident | undefined; readOnly: boolean; routingKeyNames: string[] }) {
  const m = useIncidentConnectorMutations(incidentId);
  const [note, setNote] = useState('');
  const [kind, setKind] = useState<'note' | 'status'>('note');
  const [routingKey, setRoutingKey] = useState('');
  const [assignees, setAssignees] = useState('');
  const oncall = useMutation({ mutationFn: () => getClient().callOrThrow('pagerduty.oncall', { incidentId }) });
  if (!linked) return <p className="field-hint">No PagerDuty incident linked.</p>;
  const send = () => {
    const done = { onSuccess: () => setNote('') };
    if (kind === 'note') m.notePagerDuty.mutate({ content: note }, done);
    else m.statusUpdatePagerDuty.mutate({ message: note }, done);
  };
  const reassign = () => {
    const userIds = assignees.split(/[\s,]+/).map((u) => u.trim().toUpperCase()).filter(Boolean);
    m.reassignPagerDuty.mutate({ userIds }, { onSuccess: () => setAssignees('') });
  };
  const error = m.reassignPagerDuty.error ?? m.setPagerDutyStatus.error ?? m.notePagerDuty.error ?? m.statusUpdatePagerDuty.error ?? m.syncPagerDuty.error ?? m.eventPagerDuty.error ?? oncall.error;
  return (
    <div className="connector-section" data-section="pagerduty">
      <div className="linked-row">
        <span className={`pd-status pd-${linked.status}`}>{linked.status}</span>
        {linked.url ? (
          <a href={linked.url} target="_blank" rel="noreferrer">
            PagerDuty {linked.number !== undefined ? `#${linked.number}` : linked.pdIncidentId}
          </a>
        ) : (
          <span>PagerDuty {linked.pdIncidentId}</span>
        )}
        <span className="pd-title">{linked.title}</span>
      </div>
      {!readOnly ? (
        <>
          <div className="row-actions">
            <button type="button" disabled={linked.status !== 'triggered' || m.setPagerDutyStatus.isPending} onClick={() => m.setPagerDutyStatus.mutate({ status: 'acknowledged' })}>
              Acknowledge
            </button>
            <button type="button" disabled={linked.status === 'resolved' || m.setPagerDutyStatus.isPending} onClick={() => m.setPagerDutyStatus.mutate({ status: 'resolved' })}>
              Resolve
            </button>
            <button type="button" onClick={() => m.syncPagerDuty.mutate({})} disabled={m.syncPagerDuty.isPending}>
              {m.syncPagerDuty.isPending ? 'Reading…' : 'Read log & notes'}
            </button>
            <button type="button" onClick={() => oncall.mutate()} disabled={oncall.isPending}>
              On call?
            </button>
          </div>
          {m.syncPagerDuty.data ? <p className="field-hint">{m.syncPagerDuty.data.imported} new entries added to the timeline.</p> : null}
          {oncall.data ? (
            <ul className="oncall-list">
              {oncall.data.map((o) => (
                <li key={`${o.serviceId}-${o.user}-${o.escalationLevel ?? 0}`}>
                  {o.serviceName}: <strong>{o.user}</strong> {o.escalationLevel !== undefined ? `(level ${o.escalationLevel})` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="compose">
            <select aria-label="PagerDuty message kind" value={kind} onChange={(e) => setKind(e.target.value as 'note' | 'status')}>
              <option value="note">Note</option>
              <option value="status">Status update</option>
            </select>
            <textarea aria-label="PagerDuty note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Note for the PagerDuty incident" />
            <button type="button" className="primary" disabled={!note.trim()} onClick={send}>
              Queue
            </button>
          </div>
          <div className="inline-form">
            <input aria-label="Reassign to PagerDuty user ids" value={assignees} onChange={(e) => setAssignees(e.target.value)} placeholder="PagerDuty user id(s), e.g. PXPGF42" />
            <button type="button" disabled={!assignees.trim() || m.reassignPagerDuty.isPending} onClick={reassign}>
              Reassign
            </button>
          </div>
          {routingKeyNames.length > 0 ? (
            <div className="row-actions">
              <select aria-label="Routing key" value={routingKey} onChange={(e) => setRoutingKey(e.target.value)}>
                <option value="">Events v2 key…</option>
                {routingKeyNames.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              {(['trigger', 'acknowledge', 'resolve'] as const).map((action) => (
                <button key={action} type="button" disabled={!routingKey} onClick={() => m.eventPagerDuty.mutate({ routingKeyName: routingKey, action })}>
                  {action}
                </button>
              ))}
              {routingKey ? null : <span className="field-hint">Pick a routing key to send events</span>}
            </div>
          ) : null}
        </>
      ) : null}
      <ErrorNotice error={error} title="PagerDuty" />
    </div>
  );
}
