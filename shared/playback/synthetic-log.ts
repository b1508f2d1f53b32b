// Synthetic incident logs touching every cockpit pane (incident, notes and late reports, alerts, runbooks, rollbacks,
// Jira/PagerDuty links, the outbox, stakeholder updates, pins and classifications, metric samples), shaped by the real
// event schemas. Used by the cockpit projection's property test (small logs, every kind equally likely) and by the bench
// (a million events, mostly samples and notes as in a long incident). Deterministic for a given random source.
import type { IncidentEvent, NoteKind } from '../events';
import { audiences, EVENT_SCHEMA_VERSION } from '../events';
import { incidentStatuses } from '../incidents/status';
import { severities } from '../incidents/severity';

export const syntheticKinds = [
  'note', 'late-note', 'metric', 'alert', 'status', 'severity', 'commander',
  'attach', 'check', 'uncheck', 'skip', 'assign', 'step-note',
  'plan', 'confirm', 'step', 'complete', 'fail', 'cancel', 'verify',
  'queue', 'attempt', 'sent', 'failed', 'retry', 'cancel-write',
  'jira-link', 'jira-status', 'jira-comment', 'pd-link', 'pd-entry',
  'publish', 'ack-reminder', 'pin', 'classify',
] as const;
export type SyntheticKind = (typeof syntheticKinds)[number];

/** A long incident: nine in ten events are metric samples, notes and alerts; the rest spread over every other pane. */
export const longIncidentWeights: Partial<Record<SyntheticKind, number>> = { metric: 450, note: 300, 'late-note': 20, alert: 130 };

export interface SyntheticOptions {
  count: number;
  /** Uniform in [0, 1). */
  random: () => number;
  /** Relative weight per kind; kinds not listed weigh 1. */
  weights?: Partial<Record<SyntheticKind, number>>;
  start?: number;
  /** Largest gap between two events, ms (gaps are uniform in [0, maxGapMs]). */
  maxGapMs?: number;
}

const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const sha = (n: number) => n.toString(16).padStart(40, 'a').slice(-40);

export function syntheticLog(options: SyntheticOptions): IncidentEvent[] {
  const { count, random } = options;
  const weights = syntheticKinds.map((k) => options.weights?.[k] ?? 1);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const chooseKind = (): SyntheticKind => {
    let r = random() * totalWeight;
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return syntheticKinds[i]!;
    return 'note';
  };
  let t = options.start ?? Date.parse('2026-01-01T00:00:00Z');
  const events: IncidentEvent[] = [];
  let status: (typeof incidentStatuses)[number] = 'investigating';
  let severity: (typeof severities)[number] = 'SEV1';
  const runbooks: string[] = [];
  const rollbacks: string[] = [];
  const intents: string[] = [];
  const jiraKeys: string[] = [];
  let pdId: string | undefined;
  // Payloads are checked against the real schemas by the property test (IncidentEvent.parse of every generated event).
  const push = (e: { type: IncidentEvent['type']; payload: unknown; actor?: string }) => {
    const seq = events.length + 1;
    t += Math.floor(random() * ((options.maxGapMs ?? 1000) + 1));
    events.push({ v: EVENT_SCHEMA_VERSION, seq, ts: new Date(t).toISOString(), actor: e.actor ?? pick(random, ['ana', 'ben', 'chen', 'dara']), ...e } as unknown as IncidentEvent);
  };
  push({ type: 'incident.declared', payload: { title: 'Checkout latency', severity, commander: 'ana', services: ['api'] } });
  const stepRef = (runbookId: string) => {
    const n = 1 + Math.floor(random() * 3);
    return { runbookId, runbookTitle: `Runbook ${runbookId}`, stepId: `step-${n}`, stepText: `Step ${n}` };
  };
  while (events.length < count) {
    const kind = chooseKind();
    const seq = events.length + 1;
    const runbook = runbooks.length > 0 ? pick(random, runbooks) : undefined;
    const rollback = rollbacks.length > 0 ? pick(random, rollbacks) : undefined;
    const intent = intents.length > 0 ? pick(random, intents) : undefined;
    switch (kind) {
      case 'note':
        push({ type: 'note.added', payload: { text: `Observation ${seq}: shard ${seq % 32} queue depth ${seq % 1000}`, kind: pick(random, ['note', 'note', 'observation', 'hypothesis', 'decision', 'action'] as NoteKind[]) } });
        break;
      case 'late-note':
        push({ type: 'note.added', payload: { text: `Reported late ${seq}`, kind: 'note', happenedAt: new Date(t - Math.floor(random() * 600_000)).toISOString() } });
        break;
      case 'metric':
        push({ type: 'metric.observed', payload: { service: 'api', metric: pick(random, ['p99_latency', 'error_rate', 'saturation']), value: seq % 900, unit: 'ms' } });
        break;
      case 'alert':
        push({ type: 'alert.fired', payload: { alertname: pick(random, ['Latency', 'Errors']), summary: `burst ${seq}`, labels: {}, fingerprint: `fp${seq % 5}`, startsAt: new Date(t - Math.floor(random() * 120_000)).toISOString() } });
        break;
      case 'status': {
        const to = pick(random, incidentStatuses);
        push({ type: 'incident.status_changed', payload: { from: status, to } });
        status = to;
        break;
      }
      case 'severity': {
        const to = pick(random, severities);
        push({ type: 'incident.severity_changed', payload: { from: severity, to } });
        severity = to;
        break;
      }
      case 'commander':
        push({ type: 'incident.commander_changed', payload: { from: 'ana', to: pick(random, ['ben', 'chen']) } });
        break;
      case 'attach': {
        const runbookId = `rb-${runbooks.length % 4}`;
        if (!runbooks.includes(runbookId)) runbooks.push(runbookId);
        const steps = [1, 2, 3].map((n) => ({ id: `step-${n}`, text: `Step ${n}`, section: n < 3 ? 'Triage' : 'Fix' }));
        push({ type: 'runbook.attached', payload: { runbookId, title: `Runbook ${runbookId}`, origin: 'bundled', path: `${runbookId}.md`, version: `sha256:${seq}`, steps } });
        break;
      }
      case 'check':
      case 'uncheck':
        push({ type: kind === 'check' ? 'runbook.step_checked' : 'runbook.step_unchecked', payload: stepRef(runbook ?? 'rb-missing') });
        break;
      case 'skip':
        push({ type: 'runbook.step_skipped', payload: { ...stepRef(runbook ?? 'rb-missing'), reason: 'Not relevant' } });
        break;
      case 'assign':
        push({ type: 'runbook.step_assigned', payload: { ...stepRef(runbook ?? 'rb-missing'), owner: pick(random, ['ben', 'chen']) } });
        break;
      case 'step-note':
        push({ type: 'runbook.step_noted', payload: { ...stepRef(runbook ?? 'rb-missing'), text: `Noted ${seq}` } });
        break;
      case 'plan': {
        const rollbackId = `rb-${String(seq).padStart(6, '0')}`;
        const forwardOf = rollback && random() < 0.3 ? rollback : undefined;
        rollbacks.push(rollbackId);
        const plan = { service: 'api', strategy: 'revert' as const, direction: forwardOf ? ('roll-forward' as const) : ('rollback' as const), summary: `Plan ${seq}`, commits: [], commands: ['git revert HEAD'], reversible: true, ...(forwardOf ? { forwardOf } : {}) };
        push({ type: 'rollback.planned', payload: { rollbackId, plan } });
        break;
      }
      case 'confirm':
        push({ type: 'rollback.confirmed', payload: { rollbackId: rollback ?? 'rb-none', service: 'api', direction: 'rollback', ...(random() < 0.5 ? { approver: 'ben' } : {}) } });
        break;
      case 'step':
        push({ type: 'rollback.step', payload: { rollbackId: rollback ?? 'rb-none', step: pick(random, ['fetch', 'revert', 'push']), label: 'Step', status: pick(random, ['started', 'succeeded', 'failed'] as const) } });
        break;
      case 'complete':
        push({ type: 'rollback.completed', payload: { rollbackId: rollback ?? 'rb-none', service: 'api', summary: 'Reverted', beforeSha: sha(seq), afterSha: sha(seq + 1) } });
        break;
      case 'fail':
        push({ type: 'rollback.failed', payload: { rollbackId: rollback ?? 'rb-none', service: 'api', reason: 'remote_moved', message: 'Remote moved', state: 'Nothing changed' } });
        break;
      case 'cancel':
        push({ type: 'rollback.cancelled', payload: { rollbackId: rollback ?? 'rb-none', service: 'api', reason: 'Not needed', state: 'Nothing changed' } });
        break;
      case 'verify':
        push({ type: 'rollback.verified', payload: { rollbackId: rollback ?? 'rb-none', service: 'api', method: 'manual', outcome: pick(random, ['healthy', 'unhealthy'] as const) } });
        break;
      case 'queue': {
        const intentKey = `intent-${String(seq).padStart(6, '0')}`;
        intents.push(intentKey);
        const operation = pdId && random() < 0.5 ? { kind: 'pagerduty.set_status' as const, pdIncidentId: pdId, status: pick(random, ['acknowledged', 'resolved'] as const) } : { kind: 'jira.comment' as const, issueKey: 'OPS-1', markdown: `Comment ${seq}` };
        push({ type: 'outbox.intent_queued', payload: { intentKey, operation } });
        break;
      }
      case 'attempt':
        push({ type: 'outbox.attempted', payload: { intentKey: intent ?? 'intent-none', attempt: 1 + Math.floor(random() * 3) } });
        break;
      case 'sent':
        push({ type: 'outbox.sent', payload: { intentKey: intent ?? 'intent-none', foundExisting: false, remoteId: `r${seq}` } });
        break;
      case 'failed': {
        const retryable = random() < 0.5;
        push({ type: 'outbox.failed', payload: { intentKey: intent ?? 'intent-none', attempt: 1, reason: 'HTTP 503', retryable, ...(retryable ? { retryAt: new Date(t + 30_000).toISOString() } : {}) } });
        break;
      }
      case 'retry':
        push({ type: 'outbox.retry_requested', payload: { intentKey: intent ?? 'intent-none' } });
        break;
      case 'cancel-write':
        push({ type: 'outbox.cancelled', payload: { intentKey: intent ?? 'intent-none' } });
        break;
      case 'jira-link': {
        const issueKey = `OPS-${1 + Math.floor(random() * 3)}`;
        if (!jiraKeys.includes(issueKey)) jiraKeys.push(issueKey);
        push({ type: 'jira.issue_linked', payload: { issueKey, summary: `Issue ${issueKey}`, status: 'To Do', url: `https://jira.example/${issueKey}`, created: random() < 0.5 } });
        break;
      }
      case 'jira-status':
        push({ type: 'jira.status_seen', payload: { issueKey: jiraKeys.length > 0 ? pick(random, jiraKeys) : 'OPS-9', to: pick(random, ['In Progress', 'Done']) } });
        break;
      case 'jira-comment':
        push({ type: 'jira.comment_imported', payload: { issueKey: 'OPS-1', commentId: `c${seq}`, author: 'ben', text: 'Looking' } });
        break;
      case 'pd-link':
        pdId = `PABC${1 + Math.floor(random() * 2)}`;
        push({ type: 'pagerduty.incident_linked', payload: { pdIncidentId: pdId, title: 'Checkout latency', status: 'triggered', number: 7 } });
        break;
      case 'pd-entry':
        push({ type: 'pagerduty.log_entry_imported', payload: { pdIncidentId: pdId ?? 'PD9', entryId: `e${seq}`, entryType: pick(random, ['acknowledge_log_entry', 'resolve_log_entry', 'annotate_log_entry']), summary: 'Entry', createdAt: new Date(t).toISOString() } });
        break;
      case 'publish':
        push({ type: 'update.published', payload: { audience: pick(random, audiences), channel: 'clipboard', text: `Update ${seq}`, publicationId: `pub${seq}` } });
        break;
      case 'ack-reminder':
        push({ type: 'update.reminder_acknowledged', payload: { audience: pick(random, audiences), dueAt: new Date(t + 60_000).toISOString() } });
        break;
      case 'pin':
        push({ type: 'timeline.entry_pinned', payload: { targetSeq: 1 + Math.floor(random() * (seq + 1)), pinned: random() < 0.7 } });
        break;
      case 'classify':
        push({ type: 'timeline.entry_classified', payload: { targetSeq: 1 + Math.floor(random() * (seq + 1)), kind: pick(random, ['observation', 'decision', 'action'] as NoteKind[]) } });
        break;
    }
  }
  return events;
}

/** A seeded uniform source (Lehmer / Park–Miller), so the bench builds the same log every run. */
export function seededRandom(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}
