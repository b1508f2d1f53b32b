// Property test: each domain's incremental projection, advanced through random append batches (and read between them),
// equals the full projection of the same log by the domain's original whole-log function.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../events';
import { projectLinks } from '../connectors/incident-links';
import { projectIncident } from '../incidents/incident-state';
import { markersFromEvents } from '../metrics/event-markers';
import { describeMarker } from '../metrics/marker-columns';
import { projectOutbox } from '../outbox/outbox-state';
import { projectRollbacks } from '../rollback/rollback-state';
import { projectChecklists } from '../runbooks/checklist';
import { latestDraft, publishedUpdates } from '../updates/update-history';
import { checklistProjection, incidentProjection, linksProjection, markerProjection, outboxProjection, rollbackProjection, updatesProjection } from './domain-projections';
import { IncrementalProjection, projectAll, type ProjectionDef } from './incremental-projection';

const SHA = 'a'.repeat(40);
const keys = ['ob_aaaaaaaa', 'ob_bbbbbbbb', 'ob_cccccccc'];
const rollbackIds = ['rb-one-1', 'rb-two-2'];
const plan = { service: 'checkout', strategy: 'revert', direction: 'rollback', summary: 'Revert', target: { sha: SHA, label: 'v1' }, beforeSha: SHA, commits: [], commands: [], reversible: true };
const steps = [{ id: 'step-1', text: 'Confirm' }, { id: 'step-2', text: 'Roll back' }];

/** Event shapes from every domain, with ids drawn from small pools so that later events hit earlier ones. */
const templates: ((i: number) => { type: string; payload: unknown })[] = [
  () => ({ type: 'incident.declared', payload: { title: 'Checkout down', severity: 'SEV2', commander: 'ana', services: ['checkout'] } }),
  (i) => ({ type: 'incident.status_changed', payload: { from: 'investigating', to: ['identified', 'monitoring', 'resolved'][i % 3] } }),
  (i) => ({ type: 'incident.severity_changed', payload: { from: 'SEV2', to: ['SEV1', 'SEV3'][i % 2] } }),
  (i) => ({ type: 'note.added', payload: { text: `note ${i}`, kind: ['note', 'decision'][i % 2] } }),
  (i) => ({ type: 'deploy.started', payload: { service: 'checkout', version: `v${i}` } }),
  (i) => ({ type: 'outbox.intent_queued', payload: { intentKey: keys[i % 3], operation: i % 2 ? { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'hi' } : { kind: 'pagerduty.set_status', pdIncidentId: 'PINC01', status: 'resolved' } } }),
  (i) => ({ type: 'outbox.attempted', payload: { intentKey: keys[i % 3], attempt: 1 + (i % 4) } }),
  (i) => ({ type: 'outbox.sent', payload: { intentKey: keys[i % 3], foundExisting: i % 2 === 0 } }),
  (i) => ({ type: 'outbox.failed', payload: { intentKey: keys[i % 3], attempt: 1 + (i % 3), reason: 'HTTP 503', retryable: i % 2 === 0 } }),
  (i) => ({ type: 'outbox.retry_requested', payload: { intentKey: keys[i % 3] } }),
  (i) => ({ type: 'outbox.cancelled', payload: { intentKey: keys[i % 3], reason: 'wrong' } }),
  (i) => ({ type: 'rollback.planned', payload: { rollbackId: rollbackIds[i % 2], plan } }),
  (i) => ({ type: 'rollback.confirmed', payload: { rollbackId: rollbackIds[i % 2], service: 'checkout', direction: 'rollback', approver: 'omar' } }),
  (i) => ({ type: 'rollback.step', payload: { rollbackId: rollbackIds[i % 2], step: 'push', label: 'Push', status: i % 2 ? 'started' : 'succeeded' } }),
  (i) => ({ type: 'rollback.completed', payload: { rollbackId: rollbackIds[i % 2], service: 'checkout', summary: 'done', beforeSha: SHA, afterSha: SHA } }),
  (i) => ({ type: 'rollback.failed', payload: { rollbackId: rollbackIds[i % 2], service: 'checkout', reason: 'failed', message: 'm', state: 's' } }),
  () => ({ type: 'runbook.attached', payload: { runbookId: 'bundled/bad-deploy', title: 'Bad deploy', origin: 'bundled', path: 'bad-deploy.md', version: 'sha256:abc', steps } }),
  (i) => ({ type: 'runbook.step_checked', payload: { runbookId: 'bundled/bad-deploy', runbookTitle: 'Bad deploy', stepId: steps[i % 2]!.id, stepText: 'x' } }),
  (i) => ({ type: 'runbook.step_unchecked', payload: { runbookId: 'bundled/bad-deploy', runbookTitle: 'Bad deploy', stepId: steps[i % 2]!.id, stepText: 'x' } }),
  (i) => ({ type: 'runbook.step_noted', payload: { runbookId: 'bundled/bad-deploy', runbookTitle: 'Bad deploy', stepId: steps[i % 2]!.id, stepText: 'x', text: `n${i}` } }),
  (i) => ({ type: 'jira.issue_linked', payload: { issueKey: `OPS-${1 + (i % 2)}`, summary: 's', status: 'To Do', url: 'u', created: false } }),
  (i) => ({ type: 'jira.status_seen', payload: { issueKey: `OPS-${1 + (i % 2)}`, from: 'To Do', to: `S${i}` } }),
  (i) => ({ type: 'jira.comment_imported', payload: { issueKey: 'OPS-1', commentId: String(i), author: 'a', text: 't' } }),
  () => ({ type: 'pagerduty.incident_linked', payload: { pdIncidentId: 'PINC01', title: 'x', status: 'triggered' } }),
  (i) => ({ type: 'pagerduty.log_entry_imported', payload: { pdIncidentId: 'PINC01', entryId: `L${i}`, entryType: i % 2 ? 'acknowledge_log_entry' : 'resolve_log_entry', summary: 'e', createdAt: '2026-11-25T12:00:00Z' } }),
  (i) => ({ type: 'update.published', payload: { audience: ['engineers', 'executives'][i % 2], channel: 'clipboard', text: `u${i}`, publicationId: `pub-${i % 3}` } }),
  (i) => ({ type: 'update.delivery_queued', payload: { publicationId: `pub-${i % 3}`, channel: 'jira', connectorConfigured: true, detail: 'd', outboxId: keys[i % 3] } }),
  (i) => ({ type: 'update.draft_saved', payload: { audience: ['engineers', 'executives'][i % 2], source: `draft ${i}` } }),
];

const scripts = fc.array(fc.tuple(fc.nat({ max: templates.length - 1 }), fc.nat({ max: 11 })), { maxLength: 80 });
const batchCuts = fc.array(fc.nat({ max: 80 }), { maxLength: 12 });

function toEvents(script: [number, number][], declareFirst: boolean): IncidentEvent[] {
  const start = Date.parse('2026-11-25T12:00:00Z');
  const raw = declareFirst ? [[0, 0] as [number, number], ...script] : script;
  return raw.map(([t, i], n) => ({ v: 1, seq: n + 1, ts: new Date(start + n * 1000).toISOString(), actor: 'ic', ...templates[t]!(i) }) as unknown as IncidentEvent);
}

/** Appends `events` in batches cut at `cuts`, reading the projection after every batch as the core does; returns the last read. */
function incrementally<S, V>(def: ProjectionDef<S, V>, events: IncidentEvent[], cuts: number[]): V {
  const projection = new IncrementalProjection(def, 'inc');
  const bounds = [...new Set([0, ...cuts.map((c) => Math.min(c, events.length)), events.length])].sort((a, b) => a - b);
  let log: IncidentEvent[] = [];
  for (let b = 1; b < bounds.length; b++) {
    log = [...log, ...events.slice(bounds[b - 1], bounds[b])];
    projection.apply(log);
  }
  return projection.apply(log);
}

const json = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x instanceof Set ? [...x].sort() : x instanceof Map ? [...x.entries()] : x))) as unknown;

describe('incremental domain projections', () => {
  it('equal the full projection after random append batches, for every domain', () => {
    fc.assert(
      fc.property(scripts, batchCuts, fc.boolean(), (script, cuts, declareFirst) => {
        const events = toEvents(script, declareFirst);
        expect(incrementally(incidentProjection, events, cuts)).toEqual(projectIncident('inc', events));
        expect(json(incrementally(linksProjection, events, cuts))).toEqual(json(projectLinks(events)));
        expect(incrementally(outboxProjection, events, cuts)).toEqual(projectOutbox('inc', events));
        expect(incrementally(rollbackProjection, events, cuts)).toEqual(projectRollbacks(events));
        expect(incrementally(checklistProjection, events, cuts)).toEqual(projectChecklists(events));
        const updates = incrementally(updatesProjection, events, cuts);
        expect(updates.published).toEqual(publishedUpdates(events));
        for (const audience of ['engineers', 'executives'] as const) expect(updates.drafts.get(audience)).toEqual(latestDraft(events, audience));
        const markers = incrementally(markerProjection, events, cuts);
        const describe = (seq: number) => describeMarker(events.find((e) => e.seq === seq)!);
        expect(markers.inRange(-Infinity, Infinity, describe)).toEqual(markersFromEvents(events));
        const mid = Date.parse('2026-11-25T12:00:20Z');
        expect(markers.inRange(mid, mid + 30_000, describe)).toEqual(markersFromEvents(events, mid, mid + 30_000));
      }),
      { numRuns: 300 },
    );
  });

  it('equals projectAll with the same reducer, and skips events it already folded', () => {
    fc.assert(
      fc.property(scripts, (script) => {
        const events = toEvents(script, true);
        const projection = new IncrementalProjection(outboxProjection, 'inc');
        projection.apply(events);
        projection.apply(events);
        expect(projection.lastSeq).toBe(events.at(-1)?.seq ?? 0);
        expect(projection.value()).toEqual(projectAll(outboxProjection, 'inc', events));
      }),
    );
  });
});
