// Audience filters: a hypothesis, a paged person's name and a raw "ok" never reach executive or customer drafts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Audience, NewEvent } from '../events';
import { audienceFacts, isAcknowledgementOnly, ON_CALL_PLACEHOLDER, scrubNames, type AudienceFacts } from './audience-facts';
import { defaultCadencePolicy } from './cadence';
import { incidentLog } from './incident-log.test-support';
import { renderTemplate } from './template';
import { buildUpdateContext, updateVariables } from './update-context';

const START = '2026-11-25T12:00:00.000Z';
// A template can only show variables, so one that shows every variable shows all any template could; the shipped templates
// are checked the same way in electron/core/updates/audience-drafts.test.ts.
const changeLines = (facts: AudienceFacts) => Array.from({ length: facts.changes.length }, (_, i) => facts.changes.lineAt(i));

const everything = updateVariables.map((v) => `${v.name}:\n{{${v.name}}}`).join('\n\n');

const story = () =>
  incidentLog(START, { title: 'Payments declines', severity: 'SEV1', commander: 'ana.ruiz', services: ['payments'] })
    .at(1, { type: 'page.triggered', payload: { service: 'payments', target: 'Lee', summary: 'Payments errors', source: 'pagerduty' } })
    .at(2, { type: 'note.added', payload: { text: 'Paged payments on-call (Lee)', kind: 'note' } })
    .at(3, { type: 'note.added', payload: { text: 'ok', kind: 'note' } })
    .at(4, { type: 'note.added', payload: { text: 'Maybe the TLS cert rotation broke the acquirer link', kind: 'hypothesis' } })
    .at(5, { type: 'note.added', payload: { text: 'Lee will fail over to the backup acquirer', kind: 'decision' } })
    .at(6, { type: 'update.impact_set', payload: { who: 'EU card payments', howBadly: '30% declined', since: '11:52 UTC' } })
    .at(7, { type: 'update.next_step_set', payload: { text: 'Failing over to the backup acquirer' } })
    .at(8, { type: 'incident.status_changed', payload: { from: 'investigating', to: 'identified' } });

const draft = (events: ReturnType<typeof story>['events'], audience: Audience, minutes = 9) => {
  const context = buildUpdateContext('inc-1', events, audience, defaultCadencePolicy, new Date(Date.parse(START) + minutes * 60_000))!;
  const rendered = renderTemplate(everything, context.values);
  if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
  return { text: rendered.text, context };
};

describe('audience-aware drafts', () => {
  it('gives executives and customers the stated impact, next step and decisions, and none of the raw log', () => {
    for (const audience of ['executives', 'customers'] as const) {
      const { text } = draft(story().events, audience);
      expect(text).toContain('EU card payments — 30% declined (since 11:52 UTC)');
      expect(text).toContain('Failing over to the backup acquirer');
      expect(text).not.toMatch(/\bLee\b/);
      expect(text).not.toContain('TLS cert');
      expect(text).not.toMatch(/\bok\b/i);
      expect(text).not.toContain('Paged payments on-call');
    }
    expect(draft(story().events, 'executives').text).toContain(`${ON_CALL_PLACEHOLDER} will fail over to the backup acquirer`);
  });

  it('gives engineering the full picture, still without unconfirmed hypotheses as fact', () => {
    const { text } = draft(story().events, 'engineers');
    expect(text).toContain('Paged payments on-call (Lee)');
    expect(text).toContain('Lee will fail over');
    expect(text).not.toContain('TLS cert');
  });

  it('lists pinned entries in the order they happened: a note reported late sits at its reported time', () => {
    const log = story()
      .at(10, { type: 'note.added', payload: { text: 'Acquirer latency doubled', kind: 'decision' } })
      // Reported later, but it happened at 12:03: before the note above.
      .at(11, { type: 'note.added', payload: { text: 'Cert rotation job ran', kind: 'decision', happenedAt: '2026-11-25T12:03:00.000Z' } });
    const [latency, rotation] = log.events.slice(-2);
    log.at(12, { type: 'timeline.entry_pinned', payload: { targetSeq: latency!.seq, pinned: true } }).at(13, { type: 'timeline.entry_pinned', payload: { targetSeq: rotation!.seq, pinned: true } });
    expect(audienceFacts(log.events, 'engineers').pinned).toEqual([expect.stringContaining('Cert rotation job ran'), expect.stringContaining('Acquirer latency doubled')]);
  });

  it('follows re-classification: a note later marked a hypothesis leaves the external facts', () => {
    const log = story()
      .at(9, { type: 'note.added', payload: { text: 'Root cause is the acquirer outage', kind: 'decision' } })
      .at(10, { type: 'timeline.entry_classified', payload: { targetSeq: 10, kind: 'hypothesis' } });
    expect(changeLines(audienceFacts(log.events, 'executives')).join('\n')).not.toContain('acquirer outage');
  });

  it('counts only the facts an audience may read as new events', () => {
    const facts = audienceFacts(story().events, 'customers');
    // The decision (5), impact (6), next step (7) and status change (8); never the page, raw notes or the hypothesis.
    expect([...facts.factSeqs]).toEqual([6, 7, 8, 9]);
  });

  it('recognises chat reflexes and scrubs whole names only', () => {
    expect(['ok', 'OK.', 'ack', '+1', 'thanks', '👍', 'ok thanks'].every(isAcknowledgementOnly)).toBe(true);
    expect(isAcknowledgementOnly('ok to roll back payments')).toBe(false);
    expect(scrubNames('Lee and Leela paged; LEE acked', ['Lee'])).toBe(`${ON_CALL_PLACEHOLDER} and Leela paged; ${ON_CALL_PLACEHOLDER} acked`);
  });
});

const name = fc.constantFrom('Lee', 'Priya Natarajan', 'Sam', 'Jo Park', 'Mateus');
const kind = fc.constantFrom('note', 'observation', 'hypothesis', 'decision', 'action' as const);
const words = fc.array(fc.constantFrom('payments', 'cache', 'rollback', 'acquirer', 'latency', 'EU', 'retry', 'the', 'to'), { minLength: 1, maxLength: 6 });

type Step =
  | { t: 'page'; who: string }
  | { t: 'ack'; who: string }
  | { t: 'note'; kind: 'note' | 'observation' | 'hypothesis' | 'decision' | 'action'; text: string[]; mention?: string }
  | { t: 'ok' }
  | { t: 'pin'; back: number }
  | { t: 'status' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ t: fc.constant('page' as const), who: name }),
  fc.record({ t: fc.constant('ack' as const), who: name }),
  fc.record({ t: fc.constant('note' as const), kind, text: words, mention: fc.option(name, { nil: undefined }) }),
  fc.record({ t: fc.constant('ok' as const) }),
  fc.record({ t: fc.constant('pin' as const), back: fc.nat(6) }),
  fc.record({ t: fc.constant('status' as const) }),
);

describe('audience filter properties', () => {
  it('never lets a hypothesis, a paged person or a raw "ok" into an executive or customer draft', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const log = incidentLog(START, { title: 'Payments declines', severity: 'SEV1', commander: 'ana.ruiz', services: ['payments'] });
        const paged: string[] = [];
        const hypotheses: string[] = [];
        let status: 'investigating' | 'identified' = 'investigating';
        steps.forEach((s, i) => {
          const at = i + 1;
          let e: Omit<NewEvent, 'ts' | 'actor'>;
          if (s.t === 'page') {
            paged.push(s.who);
            e = { type: 'page.triggered', payload: { service: 'payments', target: s.who, summary: 'errors', source: 'pagerduty' } };
          } else if (s.t === 'ack') {
            paged.push(s.who);
            e = { type: 'page.acknowledged', payload: { by: s.who, source: 'pagerduty' } };
          } else if (s.t === 'ok') e = { type: 'note.added', payload: { text: 'ok', kind: 'note' } };
          else if (s.t === 'pin') e = { type: 'timeline.entry_pinned', payload: { targetSeq: Math.max(1, log.events.length - s.back), pinned: true } };
          else if (s.t === 'status') {
            const to = status === 'investigating' ? 'identified' : 'investigating';
            e = { type: 'incident.status_changed', payload: { from: status, to } };
            status = to;
          } else {
            const marker = `hyp${i}x`;
            const text = [...s.text, ...(s.mention ? [s.mention] : []), ...(s.kind === 'hypothesis' ? [marker] : [])].join(' ');
            if (s.kind === 'hypothesis') hypotheses.push(marker);
            e = { type: 'note.added', payload: { text, kind: s.kind } };
          }
          log.at(at, e);
        });
        for (const audience of ['executives', 'customers'] as const) {
          const { text } = draft(log.events, audience, steps.length + 1);
          for (const marker of hypotheses) expect(text).not.toContain(marker);
          for (const who of paged) expect(text).not.toMatch(new RegExp(`(?<![\\p{L}])${who}(?![\\p{L}])`, 'iu'));
          expect(text).not.toMatch(/\bok\b/i);
        }
      }),
      { numRuns: 150 },
    );
  });
});
