// Turns any incident event into the one line the timeline shows, plus the source it is filtered by.
import type { IncidentEvent } from '../events';
import { statusLabels } from '../incidents/status';

export const timelineSources = ['incident', 'notes', 'alerts', 'pages', 'git', 'deploys', 'tests', 'decisions', 'metrics', 'updates'] as const;
export type TimelineSource = (typeof timelineSources)[number];

export interface TimelineEntry {
  seq: number;
  ts: string;
  /** When the event happened if it differs from when it was recorded (late reports). */
  happenedAt?: string;
  actor: string;
  type: IncidentEvent['type'];
  source: TimelineSource;
  text: string;
}

function describe(event: IncidentEvent): { source: TimelineSource; text: string } {
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
      return { source: 'updates', text: `Update to ${event.payload.audience} via ${event.payload.channel}: ${event.payload.text}` };
  }
}

export function toTimelineEntry(event: IncidentEvent): TimelineEntry {
  const { source, text } = describe(event);
  const entry: TimelineEntry = { seq: event.seq, ts: event.ts, actor: event.actor, type: event.type, source, text };
  if (event.type === 'note.added' && event.payload.happenedAt) entry.happenedAt = event.payload.happenedAt;
  return entry;
}
