// The story part of the review draft, from the log: the releases behind the incident, and a narrative of alerts, deploys,
// rollbacks, decisions and published updates in the order they happened.
import { describeTeamEvent } from '../team/describe-team-event';
import type { IncidentEvent } from '../events';
import { refOf, SeqByRef } from '../events/event-refs';
import { jiraKeysIn } from '../git/jira-keys';
import type { RollbackPlan } from '../rollback/rollback-plan';
import { happenedTime } from '../timeline/happened-at';

type Of<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;

export const reviewWhen = (iso: string | undefined) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'not reached');

export interface BadRelease {
  service: string;
  tag: string;
  sha: string;
  jiraKeys: string[];
  /** How it was undone, when a rollback undid it. */
  rolledBack?: { at: string; to?: string; verifiedAt?: string };
}

const short = (sha: string) => sha.slice(0, 8);

/** Completed rollbacks (not roll-forwards) with their plans, and when each was verified healthy. */
function completedRollbacks(events: readonly IncidentEvent[]) {
  const plans = new Map<string, RollbackPlan>();
  const verified = new Map<string, string>();
  const done: { plan: RollbackPlan; completed: Of<'rollback.completed'> }[] = [];
  for (const e of events) {
    if (e.type === 'rollback.planned') plans.set(e.payload.rollbackId, e.payload.plan);
    else if (e.type === 'rollback.verified' && e.payload.outcome === 'healthy' && !verified.has(e.payload.rollbackId)) verified.set(e.payload.rollbackId, e.ts);
    else if (e.type === 'rollback.completed') {
      const plan = plans.get(e.payload.rollbackId);
      if (plan && plan.direction === 'rollback') done.push({ plan, completed: e });
    }
  }
  return done.map((d) => ({ ...d, verifiedAt: verified.get(d.completed.payload.rollbackId) }));
}

/**
 * The releases that caused the incident: release tags on commits a rollback undid; without a rollback, each service's
 * newest release that happened before detection (a suspect, to be confirmed by the reviewer).
 */
export function badReleases(events: readonly IncidentEvent[], detectedAt: string | undefined): { releases: BadRelease[]; confirmed: boolean } {
  const commitMessages = new Map<string, string>();
  const tags: Of<'git.tag'>[] = [];
  for (const e of events) {
    if (e.type === 'git.commit') commitMessages.set(e.payload.sha, e.payload.message);
    else if (e.type === 'git.tag') tags.push(e);
  }
  const keysOf = (sha: string, extra: string[] = []) => [...new Set([...jiraKeysIn(commitMessages.get(sha) ?? ''), ...extra.flatMap(jiraKeysIn)])];
  const releases: BadRelease[] = [];
  for (const { plan, completed, verifiedAt } of completedRollbacks(events)) {
    const undone = new Map(plan.commits.map((c) => [c.sha, c]));
    for (const t of tags) {
      if (t.payload.service !== plan.service || !undone.has(t.payload.sha) || releases.some((r) => r.tag === t.payload.tag && r.service === t.payload.service)) continue;
      // The release's keys: its own commit's, and those of every commit the rollback undid with it.
      const keys = [...new Set([...keysOf(t.payload.sha), ...plan.commits.flatMap((c) => keysOf(c.sha, [c.subject]))])];
      releases.push({
        service: t.payload.service,
        tag: t.payload.tag,
        sha: t.payload.sha,
        jiraKeys: keys,
        rolledBack: { at: completed.ts, ...(plan.target ? { to: plan.target.label } : {}), ...(verifiedAt ? { verifiedAt } : {}) },
      });
    }
  }
  if (releases.length > 0) return { releases, confirmed: true };
  const latest = new Map<string, Of<'git.tag'>>();
  for (const t of tags) {
    const at = happenedTime(t);
    if (detectedAt !== undefined && at > detectedAt) continue;
    const seen = latest.get(t.payload.service);
    if (!seen || happenedTime(seen) <= at) latest.set(t.payload.service, t);
  }
  return { releases: [...latest.values()].map((t) => ({ service: t.payload.service, tag: t.payload.tag, sha: t.payload.sha, jiraKeys: keysOf(t.payload.sha) })), confirmed: false };
}

export function describeBadRelease(r: BadRelease, confirmed: boolean): string {
  const keys = r.jiraKeys.length > 0 ? ` (${r.jiraKeys.join(', ')})` : '';
  const head = `${confirmed ? 'Bad release' : 'Suspect release (newest before detection)'}: ${r.service} ${r.tag} at ${short(r.sha)}${keys}`;
  if (!r.rolledBack) return head;
  const to = r.rolledBack.to ? ` to ${r.rolledBack.to}` : '';
  const verified = r.rolledBack.verifiedAt ? `, verified healthy ${reviewWhen(r.rolledBack.verifiedAt)}` : ', not verified';
  return `${head} — rolled back${to} ${reviewWhen(r.rolledBack.at)}${verified}`;
}

/**
 * Whether the review draft reads this event, given the seqs marked as decisions (decisionSeqs over the whole log): it never
 * reads metric samples, pins or classifications (beyond decisionSeqs), nor notes other than decisions, hypotheses and
 * actions. The core keeps only these when it drafts a long incident's review (electron/core/review/review-inputs.ts).
 */
export function readByReview(e: IncidentEvent, decided: ReadonlySet<number>): boolean {
  if (e.type === 'metric.observed' || e.type === 'timeline.entry_pinned' || e.type === 'timeline.entry_classified') return false;
  if (e.type === 'note.added') return e.payload.kind === 'decision' || e.payload.kind === 'hypothesis' || e.payload.kind === 'action' || decided.has(e.seq);
  return true;
}

/** One narrative line for an event that belongs in the story, or undefined. */
function storyLine(e: IncidentEvent, decisionSeqs: ReadonlySet<number>, releaseShas: ReadonlySet<string>): string | undefined {
  switch (e.type) {
    case 'alert.fired': {
      const runbook = e.payload.annotations?.runbook_url;
      return `Alert ${e.payload.alertname} fired${e.payload.service ? ` for ${e.payload.service}` : ''}${e.payload.severity ? ` (${e.payload.severity})` : ''}: ${e.payload.summary}${runbook ? ` — runbook ${runbook}` : ''}`;
    }
    case 'alert.resolved':
      return `Alert ${e.payload.alertname} resolved`;
    case 'page.acknowledged':
      return `Page acknowledged by ${e.payload.by} (${e.payload.source})`;
    case 'pagerduty.log_entry_imported':
      return e.payload.entryType === 'acknowledge_log_entry' ? `PagerDuty: ${e.payload.summary}` : undefined;
    case 'git.tag':
      return `Release ${e.payload.service} ${e.payload.tag} at ${short(e.payload.sha)}`;
    case 'git.commit':
      return releaseShas.has(e.payload.sha) ? `Commit ${short(e.payload.sha)} on ${e.payload.service} by ${e.payload.author}: ${e.payload.message.split('\n')[0]}` : undefined;
    case 'deploy.started':
      return `Deploy of ${e.payload.service} ${e.payload.version} started (${e.payload.strategy})`;
    case 'deploy.finished':
      return `Deploy of ${e.payload.service} ${e.payload.version} ${e.payload.outcome}`;
    case 'rollback.planned': {
      const p = e.payload.plan;
      return `${p.direction === 'roll-forward' ? 'Roll forward' : 'Rollback'} of ${p.service} planned (${p.strategy})${p.target ? ` to ${p.target.label}` : ''}`;
    }
    case 'rollback.completed':
      return `Rollback of ${e.payload.service} completed: ${e.payload.summary}`;
    case 'rollback.failed':
      return `Rollback of ${e.payload.service} failed: ${e.payload.message}`;
    case 'rollback.verified':
      return `Rollback of ${e.payload.service} verified ${e.payload.outcome}${e.payload.value !== undefined ? ` (health ${e.payload.value} vs ${e.payload.threshold ?? '?'})` : ''}`;
    case 'incident.status_changed':
      return `Status ${e.payload.from} → ${e.payload.to}${e.payload.reason ? `: ${e.payload.reason}` : ''}`;
    case 'note.added':
      return e.payload.kind === 'decision' || decisionSeqs.has(e.seq) ? `Decision: ${e.payload.text}` : undefined;
    case 'approval.recorded':
      return `${e.payload.approver} ${e.payload.decision} ${e.payload.subject}`;
    case 'handover.accepted':
    case 'handover.recorded':
    case 'incident.commander_changed':
    case 'approval.given':
    case 'role.assigned':
      return e.type === 'incident.commander_changed' ? `Command handed over from ${e.payload.from} to ${e.payload.to}` : describeTeamEvent(e);
    case 'update.published':
      return `Update published to ${e.payload.audience} via ${e.payload.channel}`;
    default:
      return undefined;
  }
}

/** Release tags worth telling: per service, the last two before detection and every one after; older history is noise. */
function relevantTags(events: readonly IncidentEvent[], detectedAt: string | undefined): Set<number> {
  const before = new Map<string, Of<'git.tag'>[]>();
  const keep = new Set<number>();
  for (const e of events) {
    if (e.type !== 'git.tag') continue;
    if (detectedAt === undefined || happenedTime(e) > detectedAt) keep.add(e.seq);
    else before.set(e.payload.service, [...(before.get(e.payload.service) ?? []), e]);
  }
  for (const tags of before.values()) {
    for (const t of tags.sort((a, b) => (happenedTime(a) < happenedTime(b) ? -1 : 1)).slice(-2)) keep.add(t.seq);
  }
  return keep;
}

/**
 * Local seqs of the entries someone marked as a decision (timeline.entry_classified), by id or, in old logs, by seq. Takes any
 * iterable, so the core can stream a long log through it a chunk at a time.
 */
export function decisionSeqs(events: Iterable<IncidentEvent>): Set<number> {
  const refs = new SeqByRef();
  const out = new Set<number>();
  for (const e of events) {
    refs.add(e);
    if (e.type !== 'timeline.entry_classified' || e.payload.kind !== 'decision') continue;
    const target = refs.resolve(refOf(e.payload.targetId, e.payload.targetSeq));
    if (target !== undefined) out.add(target);
  }
  return out;
}

/** The narrative, oldest first by when each thing happened; only recent releases and the commits a rollback undid, not every commit. */
export function storyLines(events: readonly IncidentEvent[], detectedAt: string | undefined, decisions: ReadonlySet<number> = decisionSeqs(events)): string[] {
  const undone = new Set(completedRollbacks(events).flatMap(({ plan }) => plan.commits.map((c) => c.sha)));
  const tags = relevantTags(events, detectedAt);
  const lines: { at: string; seq: number; text: string }[] = [];
  for (const e of events) {
    if (e.type === 'git.tag' && !tags.has(e.seq)) continue;
    const text = storyLine(e, decisions, undone);
    if (text !== undefined) lines.push({ at: happenedTime(e), seq: e.seq, text });
  }
  lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
  return lines.map((l) => `- ${reviewWhen(l.at)} — ${l.text}`);
}
