// The timeline line for each hot-fix event: what happened to which hot fix, with the facts a reader needs at a glance.
import type { IncidentEvent } from '../events';
import { diffStatLine } from './hotfix-schemas';

export type HotfixEventType = Extract<IncidentEvent['type'], `hotfix.${string}`>;
type HotfixEvent = Extract<IncidentEvent, { type: HotfixEventType }>;

const short = (sha: string) => sha.slice(0, 8);

export function describeHotfixEvent(event: HotfixEvent): string {
  const id = event.payload.hotfixId;
  switch (event.type) {
    case 'hotfix.opened':
      return `Hot fix ${id} opened for ${event.payload.service}: ${event.payload.symptom} — intended change: ${event.payload.intendedChange}`;
    case 'hotfix.criteria_checked':
      return event.payload.met ? `Hot fix ${id} meets the hot-fix criteria (${event.payload.criteria})` : `Hot fix ${id}: this should be a patch — ${event.payload.reasons.join('; ')}`;
    case 'hotfix.criteria_overridden':
      return `Hot fix ${id}: criteria overridden by ${event.actor} — ${event.payload.reason}`;
    case 'hotfix.rollback_chosen':
      return `Hot fix ${id}: rollback by ${event.payload.description}${event.payload.killSwitch ? `; kill switch ${event.payload.killSwitch}` : ''}`;
    case 'hotfix.branch_created':
      return `Hot fix ${id}: branch ${event.payload.branch} created on ${event.payload.remote} from ${event.payload.base.label} (${short(event.payload.base.sha)})`;
    case 'hotfix.change_linked': {
      const p = event.payload;
      const flags = p.flags.length > 0 ? ` — over the minimal-change thresholds: ${p.flags.join('; ')}` : '';
      return `Hot fix ${id}: change ${p.refs.join(', ')} (${short(p.headSha)}) linked against ${p.base.label}: ${diffStatLine(p.diffStat)}${flags}`;
    }
    case 'hotfix.tests_started':
      return `Hot fix ${id}: targeted tests started (${event.payload.command})`;
    case 'hotfix.tests_finished': {
      const p = event.payload;
      const what = p.outcome === 'passed' ? 'passed' : p.outcome === 'failed' ? `failed${p.exitCode !== undefined ? ` (exit ${p.exitCode})` : ''}` : p.outcome === 'timeout' ? 'timed out' : p.outcome === 'cancelled' ? 'cancelled' : 'did not start';
      return `Hot fix ${id}: targeted tests ${what} after ${Math.round(p.durationMs / 100) / 10} s${p.message ? ` — ${p.message}` : ''}`;
    }
    case 'hotfix.ci_recorded':
      return `Hot fix ${id}: CI run ${event.payload.outcome} recorded (${event.payload.url})${event.payload.note ? ` — ${event.payload.note}` : ''}`;
    case 'hotfix.tests_overridden':
      return `Hot fix ${id}: failed tests overridden by ${event.actor} — ${event.payload.reason}`;
    case 'hotfix.approved':
      return `Hot fix ${id} approved by ${event.payload.approver} (change ${short(event.payload.approved.headSha)})${event.payload.comment ? ` — ${event.payload.comment}` : ''}`;
    case 'hotfix.verified': {
      const p = event.payload;
      const how = p.method === 'health-query' ? `health query ${p.value ?? '?'} vs threshold ${p.threshold ?? '?'}` : `checked by ${event.actor}`;
      return `Hot fix ${id} verified ${p.outcome} (${how})${p.note ? `: ${p.note}` : ''}`;
    }
    case 'hotfix.tagged':
      return `Hot fix ${id} tagged ${event.payload.tag} at ${short(event.payload.sha)} and pushed to ${event.payload.remote}`;
    case 'hotfix.jira_queued':
      return `Hot fix ${id}: comment on ${event.payload.issueKey} and follow-up ticket in ${event.payload.followUp.projectKey} queued (“${event.payload.followUp.summary}”)`;
    case 'hotfix.closed':
      return `Hot fix ${id} closed (${event.payload.outcome})${event.payload.reason ? `: ${event.payload.reason}` : ''}`;
  }
}
