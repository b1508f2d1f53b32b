import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncidentEvent } from '../events';
import { projectLinks } from '../connectors/incident-links';
import { projectIncident } from '../incidents/incident-state';
import { keyTimes } from '../incidents/key-times';
import { projectOutbox } from '../outbox/outbox-state';
import { projectRollbacks } from '../rollback/rollback-state';
import { projectChecklists } from '../runbooks/checklist';
import { buildTimelineRows } from '../timeline/timeline-view';
import { cadenceOf, cadenceStatus, defaultCadencePolicy } from '../updates/cadence';
import { publishedUpdates } from '../updates/update-history';
import { audiences } from '../events';
import { CheckpointedReplay, EventClock, replayPrefix } from './checkpoints';
import { cockpitProjection, outboxItems, type CockpitState } from './cockpit-projection';
import { seededRandom, syntheticLog } from './synthetic-log';
import { TimelineIndex } from '../timeline/timeline-index';

/** Logs of up to 400 events where every kind of event is equally likely, from a random seed and a random pace. */
const logs = fc
  .record({ seed: fc.integer({ min: 1, max: 2_000_000_000 }), count: fc.integer({ min: 1, max: 400 }), maxGapMs: fc.constantFrom(0, 1000, 90_000) })
  .map(({ seed, count, maxGapMs }) => syntheticLog({ count, random: seededRandom(seed), maxGapMs }));

/** What each pane showed before the cockpit projection: its own projection of the prefix, folded from the start. */
function panesFromScratch(events: readonly IncidentEvent[], at: number) {
  const links = projectLinks(events);
  return {
    incident: projectIncident('prop', events),
    keyTimes: keyTimes(events),
    checklists: projectChecklists(events),
    rollbacks: projectRollbacks(events),
    links: { jiraIssues: links.jiraIssues, pagerDuty: links.pagerDuty },
    outbox: projectOutbox('prop', events),
    published: audiences.map((a) => {
      const mine = publishedUpdates(events, a);
      const { deliveries: _d, ...last } = mine.at(-1) ?? { deliveries: [] };
      return { count: mine.length, last: mine.length > 0 ? last : undefined };
    }),
    cadence: cadenceStatus(events, defaultCadencePolicy, new Date(at)),
    samples: events.filter((e) => e.type === 'metric.observed').length,
    rows: buildTimelineRows(events),
  };
}

function panesFromCockpit(state: CockpitState, index: TimelineIndex, at: number): ReturnType<typeof panesFromScratch> {
  return {
    incident: state.incident,
    keyTimes: state.keyTimes,
    checklists: [...state.checklists],
    rollbacks: [...state.rollbacks.values()],
    links: { jiraIssues: [...state.links.jiraIssues], pagerDuty: state.links.pagerDuty },
    outbox: outboxItems(state),
    published: audiences.map((a) => ({ count: state.updates.byAudience[a]?.count ?? 0, last: state.updates.byAudience[a]?.last })),
    cadence: cadenceOf(state.cadence, defaultCadencePolicy, new Date(at)),
    samples: state.metrics.samples,
    // Every row recorded by then (metric samples included), oldest first, annotated as then: what the timeline pages from.
    rows: [...index.select({ showMetricSamples: true }, { upToSeq: state.lastSeq, annotations: state.timeline })].reverse().map((o) => index.row(o, state.timeline)),
  };
}

describe('cockpit projection', () => {
  it('generates logs the real event schemas accept', () => {
    const events = syntheticLog({ count: 3000, random: seededRandom(7) });
    for (const e of events) expect(IncidentEvent.safeParse(e).error).toBeUndefined();
    expect(new Set(events.map((e) => e.type)).size).toBeGreaterThan(30);
  });

  it('every pane at any t equals a full replay of the log up to t', () => {
    fc.assert(
      fc.property(logs, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 64 }), (events, fractions, interval) => {
        const projection = cockpitProjection('prop');
        const replay = new CheckpointedReplay(projection, events, interval);
        const clock = new EventClock(events);
        const index = new TimelineIndex().addAll(events);
        for (const f of fractions) {
          const t = clock.start + f * (clock.end - clock.start);
          const count = clock.countAt(t);
          const state = replay.stateAfter(count);
          expect(state).toEqual(replayPrefix(projection, events, count));
          expect(panesFromCockpit(state, index, t)).toEqual(panesFromScratch(events.slice(0, count), t));
          expect(state.timeline.rows).toBe(buildTimelineRows(events.slice(0, count)).length);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('offers the timeline filters of the rows shown at t', () => {
    const events = syntheticLog({ count: 600, random: seededRandom(3) });
    const replay = new CheckpointedReplay(cockpitProjection('prop'), events, 50);
    for (const count of [1, 77, 300, 600]) {
      const rows = buildTimelineRows(events.slice(0, count));
      const { timeline } = replay.stateAfter(count);
      expect(timeline.actors).toEqual([...new Set(rows.map((r) => r.actor))].sort());
      expect(timeline.types).toEqual([...new Set(rows.map((r) => r.type))].sort());
      expect(timeline.sources).toEqual([...new Set(rows.map((r) => r.source))].sort());
    }
  });

  it('the fold of a seek (maps copied once per run, then updated in place) equals applying event by event, and leaves every checkpoint as it was', () => {
    fc.assert(
      fc.property(logs, fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 64 }), (events, seeks, interval) => {
        const projection = cockpitProjection('prop');
        const replay = new CheckpointedReplay(projection, events, interval);
        const checkpoints = Array.from({ length: Math.floor(events.length / interval) + 1 }, (_, i) => replay.stateAfter(i * interval));
        const before = checkpoints.map((c) => structuredClone(c));
        const handedOut = seeks.map((n) => {
          const count = n % (events.length + 1);
          const state = replay.stateAfter(count);
          expect(state).toEqual(replayPrefix(projection, events, count));
          return [state, structuredClone(state)] as const;
        });
        expect(checkpoints).toEqual(before);
        for (const [state, copy] of handedOut) expect(state).toEqual(copy);
      }),
      { numRuns: 100 },
    );
  });

  it('seeking never changes an earlier checkpoint', () => {
    const events = syntheticLog({ count: 800, random: seededRandom(5) });
    const replay = new CheckpointedReplay(cockpitProjection('prop'), events, 16);
    const early = structuredClone(replay.stateAfter(200));
    replay.stateAfter(800);
    replay.stateAfter(513);
    expect(replay.stateAfter(200)).toEqual(early);
  });
});
