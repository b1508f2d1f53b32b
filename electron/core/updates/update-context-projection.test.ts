// The update context built from incremental projections equals buildUpdateContext over the log, at every prefix of the demo
// log and of random synthetic logs, for every audience (the projection path is what updates.draft/render/publish use).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IncidentEvent, type Audience, type NewEvent } from '../../../shared/events';
import { IncrementalProjection, type ProjectionDef } from '../../../shared/projections/incremental-projection';
import { incidentProjection, updatesProjection } from '../../../shared/projections/domain-projections';
import { defaultCadencePolicy, type CadencePolicy } from '../../../shared/updates/cadence';
import { buildUpdateContext, MAX_LISTED_CHANGES } from '../../../shared/updates/update-context';
import { contextFromFolds, updateContextProjection } from '../../../shared/updates/update-context-projection';
import { newsworthyTypes } from '../../../shared/updates/audience-facts';
import { incidentLog } from '../../../shared/updates/incident-log.test-support';
import { updateFactsProjection } from './update-facts-projection';
import { seededRandom } from '../../../shared/testing/seeded-random';

const audiences: Audience[] = ['executives', 'customers', 'support', 'engineers'];
const policy: CadencePolicy = defaultCadencePolicy;

/** Folds as ProjectionCache.readOrdered does for a team-synced incident: every event in the order given, whatever its seq. */
class OrderedFold<S, V> {
  private state: S;
  private folded = 0;
  constructor(private readonly def: ProjectionDef<S, V>) {
    this.state = def.initial('inc-1');
  }
  apply(events: readonly IncidentEvent[]): void {
    for (; this.folded < events.length; this.folded++) this.state = this.def.apply(this.state, events[this.folded]!, 'inc-1');
  }
  value(): V {
    return this.def.view(this.state);
  }
}

/**
 * Folds the log one event at a time and checks every prefix against the reference, for every audience at two instants.
 * `inFoldOrder`: the events are in a team's merge order (seqs not ascending), folded as given rather than by seq.
 */
function checkEveryPrefix(events: readonly IncidentEvent[], inFoldOrder = false) {
  const fold = <S, V>(def: ProjectionDef<S, V>) => (inFoldOrder ? new OrderedFold(def) : new IncrementalProjection(def, 'inc-1'));
  const incident = fold(incidentProjection);
  const context = fold(updateContextProjection);
  const updates = fold(updatesProjection);
  const facts = fold(updateFactsProjection);
  let compared = 0;
  for (let n = 1; n <= events.length; n++) {
    const prefix = events.slice(0, n);
    for (const p of [incident, context, updates, facts] as { apply(events: readonly IncidentEvent[]): unknown }[]) p.apply(prefix);
    const f = facts.value();
    const last = Date.parse(prefix.at(-1)!.ts);
    for (const at of [new Date(last + 60_000), new Date(last + 5 * 3_600_000)]) {
      for (const audience of audiences) {
        const folded = { state: incident.value(), context: context.value(), updates: updates.value(), cadence: f.cadence, recordedPolicy: f.recorded?.policy, impact: f.impact, nextStep: f.nextStep };
        const eventAt = (seq: number) => prefix.find((e) => e.seq === seq);
        expect(contextFromFolds(folded, audience, policy, at, eventAt), `${audience} after ${n} events`).toEqual(buildUpdateContext('inc-1', prefix, audience, policy, at));
        compared++;
      }
    }
  }
  return compared;
}

function syntheticLog(seed: number, length: number): IncidentEvent[] {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const people = ['lee.tanaka', 'Sam Patel', 'al', 'x'];
  const kinds = ['observation', 'hypothesis', 'decision', 'action'] as const;
  const statuses = ['investigating', 'identified', 'mitigating', 'monitoring', 'resolved'] as const;
  const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
  const log = incidentLog('2026-11-25T12:00:00.000Z', { title: 'Checkout latency', severity: 'SEV2', commander: 'alice', services: ['checkout'], summary: 'Slow checkout.' });
  let minute = 0;
  let status: (typeof statuses)[number] = 'investigating';
  let severity: (typeof severities)[number] = 'SEV2';
  const earlier = () => 1 + Math.floor(r() * log.events.length);
  // Mostly an earlier note: re-classifying a note is what moves it between audiences' facts after the fact.
  const earlierNote = () => {
    const notes = log.events.filter((e) => e.type === 'note.added');
    return notes.length > 0 && r() < 0.8 ? pick(notes).seq : earlier();
  };
  const makers: (() => Omit<NewEvent, 'ts' | 'actor'>)[] = [
    () => ({ type: 'note.added', payload: { text: pick([`Ask ${pick(people)} to roll back`, 'ok', 'Restart the pods', 'Decided: freeze deploys', 'thanks 👍']), kind: pick(kinds) } }),
    () => ({ type: 'note.added', payload: { text: `Action by ${pick(people)}: drain node`, kind: 'action' } }),
    () => ({ type: 'timeline.entry_classified', payload: { targetSeq: earlierNote(), kind: pick(kinds) } }),
    () => ({ type: 'timeline.entry_pinned', payload: { targetSeq: earlier(), pinned: r() < 0.7 } }),
    () => {
      const to = pick(statuses.filter((s) => s !== status));
      const e = { type: 'incident.status_changed' as const, payload: { from: status, to, reason: `Now ${to}` } };
      status = to;
      return e;
    },
    () => {
      const to = pick(severities.filter((s) => s !== severity));
      const e = { type: 'incident.severity_changed' as const, payload: { from: severity, to, reason: 'Re-assessed' } };
      severity = to;
      return e;
    },
    () => ({ type: 'page.triggered', payload: { service: 'checkout', target: pick(people), summary: 'Paged', source: 'pagerduty' } }),
    () => ({ type: 'page.acknowledged', payload: { by: pick(people), source: 'pagerduty' } }),
    () => ({ type: 'alert.fired', payload: { alertname: pick(['HighLatency', 'Errors']), summary: 'p99 high', ...(r() < 0.5 ? { service: pick(['payments', 'checkout']) } : {}), fingerprint: pick(['f1', 'f2', 'f3']), labels: {} } }),
    () => ({ type: 'alert.resolved', payload: { alertname: 'HighLatency', fingerprint: pick(['f1', 'f2', 'f3']) } }),
    () => ({ type: 'deploy.started', payload: { service: 'checkout', version: pick(['2.3', '2.4']), strategy: 'canary', percent: 10 } }),
    () => ({ type: 'deploy.finished', payload: { service: 'checkout', version: pick(['2.3', '2.4']), outcome: 'succeeded' } }),
    () => ({ type: 'test.run', payload: { suite: 'unit', outcome: 'passed' } }),
    () => ({ type: 'approval.recorded', payload: { subject: `rollback by ${pick(people)}`, approver: 'priya', decision: 'approved' } }),
    () => ({ type: 'update.impact_set', payload: { who: 'EU customers', howBadly: `checkout slow, says ${pick(people)}`, since: '12:00' } }),
    () => ({ type: 'update.next_step_set', payload: { text: pick(['Roll back', 'Watch the canary']) } }),
    () => ({ type: 'update.published', payload: { audience: pick(audiences), channel: 'clipboard', channels: ['clipboard'], text: 'Update', format: 'markdown' } }),
    () => ({ type: 'update.cadence_set', payload: { policy: { ...defaultCadencePolicy, SEV2: { ...defaultCadencePolicy.SEV2!, audiences: ['engineers'], thenEveryMinutes: 15 } }, origin: 'commander' } }),
    () => ({ type: 'metric.observed', payload: { service: 'checkout', metric: 'p99', value: 4.2, unit: 's' } }),
  ];
  for (let i = 1; i < length; i++) {
    minute += Math.floor(r() * 20);
    log.at(minute, pick(makers)());
  }
  return log.events;
}

describe('update context from incremental projections', () => {
  it('equals buildUpdateContext at every prefix of the demo log, for every audience', () => {
    const demo = readFileSync(join(__dirname, '../../../assets/demo-incident/events.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => IncidentEvent.parse(JSON.parse(l)));
    expect(checkEveryPrefix(demo)).toBe(demo.length * 2 * audiences.length);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('equals buildUpdateContext at every prefix of random log %i', (seed) => {
    const events = syntheticLog(seed, 70);
    // The generator must reach what the projection keeps apart: reclassified notes, pins, paged names, alerts, deploys.
    const types = new Set(events.map((e) => e.type));
    for (const t of ['timeline.entry_classified', 'timeline.entry_pinned', 'page.triggered', 'update.published'] as const) expect(types).toContain(t);
    checkEveryPrefix(events);
  });

  it.each([21, 22, 23, 24])('equals buildUpdateContext at every prefix of random log %i folded in a team merge order', (seed) => {
    // With pins: both paths order pinned lines by when they happened (inPinnedOrder), not by log or seq order, which differ here.
    const events = teamOrder(syntheticLog(seed, 70), seed);
    expect(events.some((e) => e.type === 'timeline.entry_pinned')).toBe(true);
    // Seqs really go backwards somewhere, and a classification lands on a note folded after it or well before it.
    expect(events.some((e, i) => i > 0 && e.seq < events[i - 1]!.seq)).toBe(true);
    checkEveryPrefix(events, true);
  });
});

/**
 * A merge order as MergeOrder makes one: this laptop's events written while offline (low local seqs) are folded after events
 * the team server sequenced first (which arrived later, with higher local seqs). Moves two blocks of the log later.
 */
function teamOrder(events: readonly IncidentEvent[], seed: number): IncidentEvent[] {
  const r = seededRandom(seed);
  let order = [...events];
  for (let moves = 0; moves < 2; moves++) {
    // The declaration stays first: nothing is folded before an incident exists.
    const from = 1 + Math.floor(r() * (order.length - 20));
    const length = 3 + Math.floor(r() * 10);
    const block = order.slice(from, from + length);
    const rest = [...order.slice(0, from), ...order.slice(from + length)];
    const to = from + Math.floor(r() * (rest.length - from));
    order = [...rest.slice(0, to), ...block, ...rest.slice(to)];
  }
  return order;
}

describe('what the update-context fold holds', () => {
  it('keeps no text of plain notes, observations and hypotheses, and a draft reads back only the lines it shows', () => {
    const events = syntheticLog(7, 1500);
    const context = new IncrementalProjection(updateContextProjection, 'inc-1');
    const incident = new IncrementalProjection(incidentProjection, 'inc-1');
    const updates = new IncrementalProjection(updatesProjection, 'inc-1');
    const facts = new IncrementalProjection(updateFactsProjection, 'inc-1');
    for (const p of [incident, context, updates, facts] as IncrementalProjection<unknown>[]) p.apply(events);
    const fold = context.value();
    const own = new Map(events.flatMap((e) => (e.type === 'note.added' ? [[e.seq, e.payload.kind] as const] : [])));
    const rows = Array.from({ length: fold.news.length }, (_, row) => row);
    // The columns hold every newsworthy event, in fold order, and nothing else.
    expect(rows.map((row) => fold.news.seqAt(row))).toEqual(events.filter((e) => newsworthyTypes.has(e.type)).map((e) => e.seq));
    const textless = rows.filter((row) => fold.news.typeAt(row) === 'note.added' && !fold.news.eventAt(row)).map((row) => fold.news.seqAt(row));
    expect(textless.length).toBeGreaterThan(30);
    expect(textless.every((seq) => own.get(seq) !== 'decision' && own.get(seq) !== 'action')).toBe(true);
    const keptNotes = rows.filter((row) => fold.news.eventAt(row)?.type === 'note.added');
    expect(keptNotes.length).toBeGreaterThan(0);
    expect(keptNotes.every((row) => ['decision', 'action'].includes(own.get(fold.news.seqAt(row))!))).toBe(true);
    expect(fold.news.keptCount).toBe(rows.length - textless.length);
    // Read back: pinned entries, notes re-classified as decisions or actions since, and the few change lines shown.
    const reclassified = textless.filter((seq) => fold.kinds.get(seq) === 'decision' || fold.kinds.get(seq) === 'action').length;
    const at = new Date(Date.parse(events.at(-1)!.ts) + 60_000);
    const f = facts.value();
    for (const audience of audiences) {
      fold.facts.clear();
      let reads = 0;
      const eventAt = (seq: number) => {
        reads++;
        return events.find((e) => e.seq === seq);
      };
      const folded = { state: incident.value(), context: fold, updates: updates.value(), cadence: f.cadence, recordedPolicy: f.recorded?.policy, impact: f.impact, nextStep: f.nextStep };
      expect(contextFromFolds(folded, audience, policy, at, eventAt)).toEqual(buildUpdateContext('inc-1', events, audience, policy, at));
      // Decisions and actions re-classified from text-less notes are read for the lists and the action lines; pinned ones once.
      expect(reads, audience).toBeLessThanOrEqual(MAX_LISTED_CHANGES - 1 + fold.pinned.size + 2 * reclassified);
    }
  });
});
