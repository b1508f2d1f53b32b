// The timeline line for each rollback event: who did what to which service, with SHAs and reasons.
import type { IncidentEvent } from '../events';

export type RollbackEventType = Extract<IncidentEvent['type'], `rollback.${string}`>;
type RollbackEvent = Extract<IncidentEvent, { type: RollbackEventType }>;

const short = (sha: string | undefined) => (sha ? sha.slice(0, 8) : '?');

export function describeRollbackEvent(event: RollbackEvent): string {
  switch (event.type) {
    case 'rollback.planned': {
      const p = event.payload.plan;
      return `${p.direction === 'roll-forward' ? 'Roll forward' : 'Rollback'} planned for ${p.service} (${p.strategy}): ${p.summary}`;
    }
    case 'rollback.confirmed':
      return `${event.payload.direction === 'roll-forward' ? 'Roll forward' : 'Rollback'} of ${event.payload.service} confirmed by ${event.actor}${event.payload.approver ? `, approved by ${event.payload.approver}` : ''}`;
    case 'rollback.step':
      return `Rollback step ${event.payload.status}: ${event.payload.label}`;
    case 'rollback.completed': {
      const shas = event.payload.beforeSha || event.payload.afterSha ? ` (${short(event.payload.beforeSha)} → ${short(event.payload.afterSha)})` : '';
      return `Rollback of ${event.payload.service} completed${shas}: ${event.payload.summary}`;
    }
    case 'rollback.failed':
      return `Rollback of ${event.payload.service} failed (${event.payload.reason.replace(/_/g, ' ')}): ${event.payload.message} — ${event.payload.state}`;
    case 'rollback.cancelled':
      return `Rollback of ${event.payload.service} cancelled: ${event.payload.reason} — ${event.payload.state}`;
    case 'rollback.verified': {
      const how =
        event.payload.method === 'health-query'
          ? `health query ${event.payload.value ?? '?'} vs threshold ${event.payload.threshold ?? '?'}`
          : `checked by ${event.actor}`;
      return `Rollback of ${event.payload.service} verified ${event.payload.outcome} (${how})${event.payload.note ? `: ${event.payload.note}` : ''}`;
    }
  }
}
