// The review draft's hot-fix section: for each hot fix, its track (when each step happened), the diff stat, the tests, the
// approvals with what they approved, the rollback readiness, and where it ended (verified, tag, Jira follow-up).
import type { IncidentEvent } from '../events';
import { diffStatLine } from '../hotfix/hotfix-schemas';
import { projectHotfixes, type HotfixState } from '../hotfix/hotfix-state';
import { rolloutReviewLines } from '../hotfix/rollout-review';
import { projectRollouts } from '../hotfix/rollout-state';
import { describeHotfixEvent } from '../hotfix/describe-hotfix-event';
import { reviewWhen } from './review-story';

function section(h: HotfixState, events: readonly IncidentEvent[], rollouts: ReturnType<typeof projectRollouts>): string[] {
  const mine = events.filter((e) => e.type.startsWith('hotfix.') && (e.payload as { hotfixId?: string }).hotfixId === h.id);
  const timeline = mine.map((e) => `  - ${reviewWhen(e.ts)} — ${describeHotfixEvent(e as Parameters<typeof describeHotfixEvent>[0])} (${e.actor})`);
  const tests = h.tests
    ? `${h.tests.kind === 'ci' ? `CI run ${h.tests.url}` : `\`${h.tests.command ?? ''}\``} — ${h.tests.status}${h.testsOverride ? ` (overridden by ${h.testsOverride.by}: ${h.testsOverride.reason})` : ''}`
    : 'none recorded';
  return [
    `### ${h.id} — ${h.service} (${h.stage})`,
    `- **Symptom:** ${h.symptom}`,
    `- **Intended change:** ${h.intendedChange}`,
    `- **Criteria:** ${h.criteria ? (h.criteria.met ? `met (${h.criteria.criteria})` : `not met — ${h.criteria.reasons.join('; ')}`) : '—'}${h.criteriaOverride ? `; overridden by ${h.criteriaOverride.by}: ${h.criteriaOverride.reason}` : ''}`,
    `- **Diff:** ${h.change ? `${h.change.refs.join(', ')} against ${h.change.base.label}: ${diffStatLine(h.change.diffStat)}${h.change.flags.length ? ` — over thresholds: ${h.change.flags.join('; ')}` : ''}` : 'no change linked'}`,
    `- **Tests:** ${tests}`,
    `- **Approvals:** ${h.approvals.length ? h.approvals.map((a) => `${a.approver} (${reviewWhen(a.at)})`).join(', ') : 'none'}`,
    `- **Rollback readiness:** ${h.rollback ? `${h.rollback.description}${h.rollback.killSwitch ? `; kill switch ${h.rollback.killSwitch}` : ''}` : 'no rollback strategy chosen'}`,
    ...rolloutReviewLines(rollouts.filter((r) => r.hotfixId === h.id)),
    `- **Verification:** ${h.verification ? `${h.verification.outcome} (${h.verification.method === 'health-query' ? `health query ${h.verification.value ?? '?'} vs ${h.verification.threshold ?? '?'}` : `checked by ${h.verification.by}`})` : 'not verified'}`,
    `- **Tag:** ${h.tag ? `${h.tag.name} at ${h.tag.sha.slice(0, 8)}` : 'not tagged'} · **Jira:** ${h.jira ? `${h.jira.issueKey}, follow-up “${h.jira.followUp.summary}”` : 'not notified'}`,
    '- **Track:**',
    ...timeline,
  ];
}

/** Lines of the "Hot fixes" section, or none when the incident had no hot fix. */
export function hotfixReviewLines(events: readonly IncidentEvent[]): string[] {
  const hotfixes = projectHotfixes(events);
  if (hotfixes.length === 0) return [];
  const rollouts = projectRollouts(events);
  return ['## Hot fixes', ...hotfixes.flatMap((h) => [...section(h, events, rollouts), ''])];
}
