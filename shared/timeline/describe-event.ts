// Turns any incident event into the one line the timeline shows, plus the source it is filtered by.
import { describeConnectorEvent, describeOutboxEvent } from '../connectors/describe-connector-event';
import { firstSentence } from '../markdown/summary';
import type { IncidentEvent } from '../events';
import { parseEventId } from '../events/event-refs';
import { statusLabels } from '../incidents/status';
import { describeRolloutEvent } from '../hotfix/describe-rollout-event';
import { describeHotfixEvent } from '../hotfix/describe-hotfix-event';
import { describeRollbackEvent } from '../rollback/describe-rollback-event';
import { describeRunbookEvent } from '../runbooks/describe-runbook-event';
import { describeTeamEvent } from '../team/describe-team-event';
import { describeCadence } from '../updates/cadence';
import { happenedAtOf } from './happened-at';

export const timelineSources = ['incident', 'notes', 'alerts', 'pages', 'git', 'deploys', 'tests', 'decisions', 'metrics', 'updates', 'rollback', 'hotfix', 'runbooks', 'tickets', 'outbox'] as const;
export type TimelineSource = (typeof timelineSources)[number];

export interface TimelineEntry {
  seq: number;
  /** The event's global id when it carries one (written with team sync on); else it is `<this laptop's device id>.<seq>` (eventIdOf). */
  id?: string;
  ts: string;
  /** When the event happened if it differs from when it was recorded (late reports). */
  happenedAt?: string;
  actor: string;
  type: IncidentEvent['type'];
  source: TimelineSource;
  text: string;
  /** Markdown shown on demand below the one-line text (a published update in full). */
  detail?: string;
  /** Who wrote it from which installation (handle, device id), when the author was an identified person. */
  author?: { handle: string; deviceId: string };
}

/** A short, readable label for an installation: the first characters of its device id (`dev_k3f9…` → `k3f9`). */
export const shortDeviceLabel = (deviceId: string): string => deviceId.replace(/^dev_/, '').slice(0, 4);

/** `#12` for an entry named by local seq (old logs); `#12 from device k3f9` for one named by its global id. */
function targetLabel(p: { targetId?: string | undefined; targetSeq?: number | undefined }): string {
  const named = p.targetId !== undefined ? parseEventId(p.targetId) : undefined;
  return named ? `#${named.seq} from device ${shortDeviceLabel(named.deviceId)}` : `#${p.targetSeq ?? '?'}`;
}

function describe(event: IncidentEvent): { source: TimelineSource; text: string; detail?: string } {
  switch (event.type) {
    case 'incident.declared':
      return { source: 'incident', text: `Incident declared: ${event.payload.title} (${event.payload.severity}, commander ${event.payload.commander})` };
    case 'incident.status_changed':
      return {
        source: 'incident',
        text: `Status ${statusLabels[event.payload.from]} → ${statusLabels[event.payload.to]}${event.payload.reason ? `: ${event.payload.reason}` : ''}`,
      };
    case 'incident.severity_changed':
      return { source: 'incident', text: `Severity ${event.payload.from} → ${event.payload.to}${event.payload.reason ? `: ${event.payload.reason}` : ''}` };
    case 'incident.commander_changed':
      return { source: 'incident', text: `Commander handed over from ${event.payload.from} to ${event.payload.to}` };
    case 'note.added':
      return { source: event.payload.kind === 'decision' ? 'decisions' : 'notes', text: event.payload.text };
    case 'alert.fired':
      return { source: 'alerts', text: `Alert firing: ${event.payload.alertname} — ${event.payload.summary}` };
    case 'alert.resolved':
      return { source: 'alerts', text: `Alert resolved: ${event.payload.alertname}` };
    case 'page.triggered':
      return { source: 'pages', text: `Paged ${event.payload.target} via ${event.payload.source}: ${event.payload.summary}` };
    case 'page.acknowledged':
      return { source: 'pages', text: `Page acknowledged by ${event.payload.by} (${event.payload.source})` };
    case 'git.tag':
      return { source: 'git', text: `${event.payload.service}@${event.payload.branch} tagged ${event.payload.tag} at ${event.payload.sha.slice(0, 8)}` };
    case 'rollback.planned':
    case 'rollback.confirmed':
    case 'rollback.step':
    case 'rollback.completed':
    case 'rollback.failed':
    case 'rollback.cancelled':
    case 'rollback.verified':
      return { source: 'rollback', text: describeRollbackEvent(event) };
    case 'runbook.attached':
    case 'runbook.step_checked':
    case 'runbook.step_unchecked':
    case 'runbook.step_skipped':
    case 'runbook.step_assigned':
    case 'runbook.step_noted':
      return { source: 'runbooks', text: describeRunbookEvent(event) };
    case 'git.commit':
      return { source: 'git', text: `${event.payload.service}@${event.payload.branch} ${event.payload.sha.slice(0, 8)} ${event.payload.author}: ${event.payload.message}` };
    case 'deploy.started':
      return {
        source: 'deploys',
        text: `Deploy started: ${event.payload.service} ${event.payload.version} (${event.payload.strategy}${event.payload.percent !== undefined ? ` ${event.payload.percent}%` : ''})`,
      };
    case 'deploy.finished':
      return {
        source: 'deploys',
        text: `Deploy ${event.payload.outcome}: ${event.payload.service} ${event.payload.version}${event.payload.percent !== undefined ? ` at ${event.payload.percent}%` : ''}`,
      };
    case 'test.run':
      return { source: 'tests', text: `Tests ${event.payload.outcome}: ${event.payload.suite}${event.payload.details ? ` — ${event.payload.details}` : ''}` };
    case 'approval.recorded':
      return { source: 'decisions', text: `${event.payload.approver} ${event.payload.decision} ${event.payload.subject}` };
    case 'metric.observed':
      return { source: 'metrics', text: `${event.payload.service} ${event.payload.metric} = ${event.payload.value} ${event.payload.unit}` };
    case 'update.published':
      // One line (audience, channels, first sentence without markup); the rendered update opens on demand.
      return { source: 'updates', text: `Update to ${event.payload.audience} via ${event.payload.channel}: ${firstSentence(event.payload.text)}`, detail: event.payload.text };
    case 'update.delivery_queued':
      return {
        source: 'updates',
        text: event.payload.connectorConfigured
          ? `Update to ${event.payload.audience} queued for ${event.payload.channel} in the outbox${event.payload.outboxId ? ` (${event.payload.outboxId})` : ''}: ${event.payload.detail}`
          : `Update to ${event.payload.audience} queued for ${event.payload.channel} but not sent: ${event.payload.detail}`,
      };
    case 'update.draft_saved':
      return { source: 'updates', text: `Draft update to ${event.payload.audience} saved` };
    case 'update.reminder_acknowledged':
      return { source: 'updates', text: `Reminder acknowledged: update to ${event.payload.audience} due ${event.payload.dueAt}` };
    case 'update.impact_set':
      return { source: 'updates', text: `Customer impact: ${event.payload.who} — ${event.payload.howBadly} (since ${event.payload.since})` };
    case 'update.next_step_set':
      return { source: 'updates', text: `Next step: ${event.payload.text}` };
    case 'update.cadence_set':
      return { source: 'updates', text: `Update cadence ${event.payload.origin === 'commander' ? 'changed for this incident' : 'recorded from settings'}: ${describeCadence(event.payload.policy)}${event.payload.reason ? ` — ${event.payload.reason}` : ''}` };
    case 'metrics.panel_added':
      return { source: 'metrics', text: `Metrics panel added: ${event.payload.title} (${event.payload.promql})` };
    case 'metrics.panel_removed':
      return { source: 'metrics', text: `Metrics panel removed: ${event.payload.title}` };
    case 'metrics.silence_created':
      return {
        source: 'alerts',
        text: `Silence created until ${event.payload.endsAt} for ${event.payload.matchers.map((m) => `${m.name}${m.isEqual === false ? '!' : ''}${m.isRegex ? '~' : '='}"${m.value}"`).join(', ')}${event.payload.comment ? `: ${event.payload.comment}` : ''}`,
      };
    case 'metrics.silence_expired':
      return { source: 'alerts', text: `Silence ${event.payload.silenceId.slice(0, 8)} expired${event.payload.comment ? `: ${event.payload.comment}` : ''}` };
    case 'jira.issue_linked':
    case 'jira.comment_imported':
    case 'jira.status_seen':
    case 'pagerduty.incident_linked':
    case 'pagerduty.log_entry_imported':
    case 'pagerduty.note_imported': {
      const { source, text } = describeConnectorEvent(event);
      return { source, text };
    }
    case 'outbox.intent_queued':
    case 'outbox.attempted':
    case 'outbox.sent':
    case 'outbox.failed':
    case 'outbox.retry_requested':
    case 'outbox.cancelled':
      return describeOutboxEvent(event);
    case 'timeline.entry_pinned':
      return { source: 'notes', text: `${event.payload.pinned ? 'Pinned' : 'Unpinned'} event ${targetLabel(event.payload)}` };
    case 'review.saved':
      return { source: 'notes', text: `Post-incident review saved (${event.payload.markdown.length} characters)` };
    case 'timeline.entry_classified':
      return { source: 'notes', text: `Marked event ${targetLabel(event.payload)} as ${event.payload.kind}` };
    case 'role.assigned':
    case 'role.released':
    case 'handover.proposed':
    case 'handover.withdrawn':
    case 'handover.accepted':
    case 'handover.recorded':
      return { source: 'incident', text: describeTeamEvent(event), ...(event.type === 'handover.proposed' && event.payload.note ? { detail: event.payload.note } : {}) };
    case 'approval.given':
      return { source: 'decisions', text: describeTeamEvent(event) };
    case 'rollout.started':
    case 'rollout.stage_started':
    case 'rollout.stage_output':
    case 'rollout.stage_finished':
    case 'rollout.analysis_started':
    case 'rollout.analysis_progress':
    case 'rollout.analysis_finished':
    case 'rollout.stage_advanced':
    case 'rollout.completed':
    case 'rollout.aborted':
    case 'rollout.rollback_offered':
    case 'rollout.rollback_started':
      return { source: 'hotfix', text: describeRolloutEvent(event) };
    case 'hotfix.opened':
    case 'hotfix.criteria_checked':
    case 'hotfix.criteria_overridden':
    case 'hotfix.rollback_chosen':
    case 'hotfix.branch_created':
    case 'hotfix.change_linked':
    case 'hotfix.tests_started':
    case 'hotfix.tests_finished':
    case 'hotfix.ci_recorded':
    case 'hotfix.tests_overridden':
    case 'hotfix.approved':
    case 'hotfix.verified':
    case 'hotfix.tagged':
    case 'hotfix.jira_queued':
    case 'hotfix.closed':
      return { source: 'hotfix', text: describeHotfixEvent(event) };
  }
}

export function toTimelineEntry(event: IncidentEvent): TimelineEntry {
  const { source, text, detail } = describe(event);
  const entry: TimelineEntry = { seq: event.seq, ...(event.id !== undefined ? { id: event.id } : {}), ts: event.ts, actor: event.actor, type: event.type, source, text, ...(detail !== undefined ? { detail } : {}) };
  if (event.actorIdentity) entry.author = { handle: event.actorIdentity.handle, deviceId: event.actorIdentity.deviceId };
  const happenedAt = happenedAtOf(event);
  // Within a second is "when it was recorded": a poller's own rounding is not worth a second time on the row.
  if (happenedAt !== undefined && Math.abs(Date.parse(happenedAt) - Date.parse(event.ts)) >= 1000) entry.happenedAt = happenedAt;
  return entry;
}
