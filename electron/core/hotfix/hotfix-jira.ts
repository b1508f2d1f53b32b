// The Jira side of a shipped hot fix: a comment on the incident's issue and a follow-up patch ticket ("fold HF-… into the
// next release, add the regression test"), both as outbox operations so they survive crashes and outages.
import type { HotfixState } from '../../../shared/hotfix/hotfix-state';
import { diffStatLine } from '../../../shared/hotfix/hotfix-schemas';
import type { OutboxOperation } from '../../../shared/outbox/outbox-operation';

/** Queues an outbox write and returns its intent key. */
export type QueueOutbox = (incidentId: string, operation: OutboxOperation, origin: string) => Promise<string>;

export function jiraNotes(h: HotfixState, ctx: { incidentId: string; issueKey: string; followUpProject?: string | undefined }) {
  const change = h.change;
  const approvers = h.approvals.map((a) => a.approver).join(', ') || 'none required';
  const facts = [
    `- **Service:** ${h.service}`,
    `- **Symptom:** ${h.symptom}`,
    `- **Change:** ${change ? `${change.refs.join(', ')} — ${diffStatLine(change.diffStat)} against ${change.base.label}` : '—'}`,
    `- **Tests:** ${h.tests ? `${h.tests.kind === 'ci' ? h.tests.url : h.tests.command} ${h.tests.status}` : '—'}${h.testsOverride ? ` (overridden: ${h.testsOverride.reason})` : ''}`,
    `- **Approvers:** ${approvers}`,
    `- **Tag:** ${h.tag ? `${h.tag.name} at ${h.tag.sha.slice(0, 8)}` : '—'}`,
    `- **Verified:** ${h.verification ? `${h.verification.outcome} (${h.verification.method === 'health-query' ? 'health query' : 'checked by hand'})` : '—'}`,
    `- **Incident:** ${ctx.incidentId}`,
  ];
  const comment: Extract<OutboxOperation, { kind: 'jira.comment' }> = {
    kind: 'jira.comment',
    issueKey: ctx.issueKey,
    markdown: [`Hot fix **${h.id}** shipped and verified for ${h.service}.`, '', ...facts].join('\n'),
  };
  const followUp: Extract<OutboxOperation, { kind: 'jira.create_issue' }> = {
    kind: 'jira.create_issue',
    projectKey: ctx.followUpProject ?? ctx.issueKey.split('-')[0]!,
    issueType: 'Task',
    summary: `Fold ${h.id} into the next ${h.service} release and add the regression test`.slice(0, 255),
    description: [`Hot fix ${h.id} (incident ${ctx.incidentId}, ${ctx.issueKey}) shipped outside the release cycle.`, '', 'To do:', `- merge the fix into the main line so the next release carries it`, '- add a regression test for the symptom', '', ...facts].join('\n'),
    actionItem: true,
  };
  return { comment, followUp };
}
