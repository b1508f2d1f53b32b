// Generates the post-incident review draft from the log: summary, impact window, key times from evidence, the releases behind
// the incident, what happened (alerts, deploys, rollbacks, decisions, updates), what went well and badly, contributing factors
// and action items. The commander edits it; the edited text is stored as an event.
import type { IncidentEvent } from '../events';
import { projectIncident, type IncidentState } from '../incidents/incident-state';
import { keyDurations, keyTimes } from '../incidents/key-times';
import { severityCriteria } from '../incidents/severity';
import { formatDuration } from '../time/format-duration';
import { hotfixReviewLines } from './review-hotfix';
import { badReleases, decisionSeqs, describeBadRelease, reviewWhen as when, storyLines } from './review-story';
const line = (e: IncidentEvent, text: string) => `- ${when(e.ts)} — ${text} (${e.actor})`;

/** What the draft needs from the whole log when it is given only the events it reads (readByReview). */
export interface ReviewFolds {
  state: IncidentState | undefined;
  /** decisionSeqs over the whole log. */
  decided: ReadonlySet<number>;
}

/**
 * The draft from the log's events; `folds` lets a caller pass only the events readByReview keeps (with the state and the
 * decisions folded over the whole log), so a long incident is not held in memory whole to draft its review.
 */
export function generateReviewDraft(incidentId: string, events: readonly IncidentEvent[], folds?: ReviewFolds): string {
  const state = folds ? folds.state : projectIncident(incidentId, events);
  if (!state) return '# Post-incident review\n\nThe incident log has no declaration; nothing to review.\n';
  const times = keyTimes(events);
  const d = keyDurations(times);
  const decided = folds ? folds.decided : decisionSeqs(events);
  const decisions = events.flatMap((e) => {
    if (e.type === 'note.added' && (e.payload.kind === 'decision' || decided.has(e.seq))) return [line(e, e.payload.text)];
    if (e.type === 'approval.recorded') return [line(e, `${e.payload.approver} ${e.payload.decision} ${e.payload.subject}`)];
    if (e.type === 'hotfix.approved') return [line(e, `${e.payload.approver} approved hot fix ${e.payload.hotfixId}`)];
    if (e.type === 'hotfix.criteria_overridden') return [line(e, `hot-fix criteria overridden for ${e.payload.hotfixId}: ${e.payload.reason}`)];
    if (e.type === 'hotfix.tests_overridden') return [line(e, `failed tests overridden for ${e.payload.hotfixId}: ${e.payload.reason}`)];
    if (e.type === 'incident.severity_changed') return [line(e, `severity ${e.payload.from} → ${e.payload.to}${e.payload.reason ? `: ${e.payload.reason}` : ''}`)];
    if (e.type === 'incident.status_changed') return [line(e, `status ${e.payload.from} → ${e.payload.to}${e.payload.reason ? `: ${e.payload.reason}` : ''}`)];
    return [];
  });
  const hypotheses = events.flatMap((e) => (e.type === 'note.added' && e.payload.kind === 'hypothesis' ? [`- ${e.payload.text}`] : []));
  const actions = events.flatMap((e) => (e.type === 'note.added' && e.payload.kind === 'action' ? [`- [ ] ${e.payload.text}`] : []));
  const updates = events.filter((e) => e.type === 'update.published').length;
  const failedTests = events.filter((e) => e.type === 'test.run' && e.payload.outcome === 'failed').length;
  const failedDeploys = events.filter((e) => e.type === 'deploy.finished' && e.payload.outcome !== 'succeeded').length;

  const well: string[] = [];
  const badly: string[] = [];
  if (d.timeToAcknowledgeMs !== undefined) (d.timeToAcknowledgeMs <= 5 * 60_000 ? well : badly).push(`Page acknowledged ${formatDuration(d.timeToAcknowledgeMs)} after detection.`);
  else badly.push('No page acknowledgement was recorded.');
  if (updates > 0) well.push(`${updates} stakeholder update(s) published during the incident.`);
  else badly.push('No stakeholder update was published.');
  if (events.some((e) => e.type === 'deploy.started' && e.payload.strategy === 'canary')) well.push('The fix was rolled out by canary first.');
  if (failedTests > 0) badly.push(`${failedTests} test run(s) failed during the fix.`);
  if (failedDeploys > 0) badly.push(`${failedDeploys} deploy(s) failed or were halted.`);
  if (d.timeToMitigateMs !== undefined && d.timeToMitigateMs > 60 * 60_000) badly.push(`Mitigation took ${formatDuration(d.timeToMitigateMs)}.`);

  const impactEnd = times.mitigated ?? times.resolved;
  const cause = badReleases(events, times.detected);
  const story = storyLines(events, times.detected, decided);
  return [
    `# Post-incident review: ${state.title}`,
    '',
    `**Severity** ${state.severity} (${severityCriteria[state.severity].label}) · **Commander** ${state.commander} · **Services** ${state.services.join(', ') || '—'} · **Status** ${state.status}`,
    '',
    '## Summary',
    state.summary ?? '_What happened, in two or three sentences._',
    '',
    '## Impact window',
    `From ${when(times.detected)} to ${when(impactEnd)}${times.detected && impactEnd ? ` (${formatDuration(Date.parse(impactEnd) - Date.parse(times.detected))})` : ''}.`,
    '',
    '## Key times',
    `- Detected: ${when(times.detected)}`,
    `- Acknowledged: ${when(times.acknowledged)}${d.timeToAcknowledgeMs !== undefined ? ` (time to acknowledge ${formatDuration(d.timeToAcknowledgeMs)})` : ''}`,
    `- Mitigated: ${when(times.mitigated)}${d.timeToMitigateMs !== undefined ? ` (time to mitigate ${formatDuration(d.timeToMitigateMs)})` : ''}`,
    `- Resolved: ${when(times.resolved)}${d.timeToResolveMs !== undefined ? ` (time to resolve ${formatDuration(d.timeToResolveMs)})` : ''}`,
    '',
    '## Releases behind the incident',
    ...(cause.releases.length > 0 ? cause.releases.map((r) => `- ${describeBadRelease(r, cause.confirmed)}`) : ['- _No release on the timeline; import the deploy history from the rollback pane._']),
    '',
    '## What happened',
    ...(story.length > 0 ? story : ['- _Nothing beyond the declaration was recorded._']),
    '',
    ...hotfixReviewLines(events),
    '## Timeline of decisions',
    ...(decisions.length > 0 ? decisions : ['- _No decisions recorded._']),
    '',
    '## What went well',
    ...(well.length > 0 ? well.map((w) => `- ${w}`) : ['- _…_']),
    '',
    '## What went badly',
    ...(badly.length > 0 ? badly.map((b) => `- ${b}`) : ['- _…_']),
    '',
    '## Contributing factors',
    ...(hypotheses.length > 0 ? hypotheses : ['- _…_']),
    '',
    '## Action items',
    ...(actions.length > 0 ? actions : ['- [ ] _…_']),
    '',
  ].join('\n');
}
