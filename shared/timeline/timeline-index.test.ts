import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NoteKind } from '../events';
import { CheckpointedReplay } from '../playback/checkpoints';
import { cockpitProjection } from '../playback/cockpit-projection';
import { seededRandom, syntheticLog } from '../playback/synthetic-log';
import { timelineSources } from './describe-event';
import { TimelineIndex } from './timeline-index';
import { buildTimelineRows, filterTimeline, type TimelineFilter } from './timeline-view';

const kinds: NoteKind[] = ['note', 'observation', 'hypothesis', 'decision', 'action'];

const filterArb = fc.record(
  {
    sources: fc.subarray([...timelineSources], { maxLength: 3 }).map((s) => new Set(s)),
    actor: fc.constantFrom('alice', 'bob', 'prometheus', 'nobody-at-all'),
    type: fc.constantFrom('note.added', 'metric.observed', 'alert.received', 'incident.status_changed'),
    kind: fc.constantFrom(...kinds),
    pinnedOnly: fc.boolean(),
    text: fc.constantFrom('', 'a', 'error latency', 'deploy', 'NOTE', 'zzz-no-match', 'e 1', '→'),
    showMetricSamples: fc.boolean(),
  },
  { requiredKeys: [] },
);

const expected = (events: Parameters<typeof buildTimelineRows>[0], filter: TimelineFilter) => filterTimeline(buildTimelineRows(events), filter).reverse();

describe('TimelineIndex', () => {
  it('selects exactly the rows filterTimeline keeps, newest first, built row for row the same — after any number of appends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 300 }), fc.array(fc.integer({ min: 1, max: 80 }), { maxLength: 4 }), filterArb, (seed, first, appends, filter) => {
        const log = syntheticLog({ count: first + appends.reduce((a, b) => a + b, 0), random: seededRandom(seed), maxGapMs: 120_000 });
        const index = new TimelineIndex().addAll(log.slice(0, first));
        let upTo = first;
        const check = () => {
          const prefix = log.slice(0, upTo);
          const want = expected(prefix, filter);
          const got = [...index.select(filter)].map((o) => index.row(o));
          expect(got).toEqual(want);
        };
        check();
        for (const n of appends) {
          for (const e of log.slice(upTo, upTo + n)) index.add(e);
          upTo += n;
          check();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same rows and search results when it reads events by seq instead of holding them (the core keeps them on disk)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 300 }), filterArb, (seed, count, filter) => {
        const log = syntheticLog({ count, random: seededRandom(seed), maxGapMs: 120_000 });
        const bySeq = new Map(log.map((e) => [e.seq, e]));
        const reads: number[] = [];
        const index = new TimelineIndex((seq) => {
          reads.push(seq);
          return bySeq.get(seq);
        }).addAll(log);
        expect(reads).toEqual([]);
        expect([...index.select(filter)].map((o) => index.row(o))).toEqual(expected(log, filter));
      }),
      { numRuns: 40 },
    );
  });

  it('answers for a moment of playback (rows up to a seq, annotated as they were then) what the rows of that prefix answer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 300 }), fc.nat(), filterArb, (seed, count, cut, filter) => {
        const log = syntheticLog({ count, random: seededRandom(seed), maxGapMs: 120_000 });
        const prefix = log.slice(0, cut % (count + 1));
        const lastSeq = prefix.at(-1)?.seq ?? 0;
        const rowsThen = buildTimelineRows(prefix);
        // The pins and classifications as playback knows them at that moment: the cockpit projection's timeline slice.
        const annotations = new CheckpointedReplay(cockpitProjection('inc'), log).stateAfter(prefix.length).timeline;
        const index = new TimelineIndex().addAll(log);
        const got = [...index.select(filter, { upToSeq: lastSeq, annotations })].map((o) => index.row(o, annotations));
        expect(got).toEqual(filterTimeline(rowsThen, filter).reverse());
        const pinned = index.pinnedOrdinals({ upToSeq: lastSeq, annotations }).map((o) => index.row(o, annotations));
        expect(pinned).toEqual(rowsThen.filter((r) => r.pinned));
      }),
      { numRuns: 60 },
    );
  });

  it('selects the rows of a moment without copying the selection of all rows: the same rows, positions and row objects as a scan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 120_000 }), filterArb, (seed, count, maxGapMs, filter) => {
        // Late notes (up to 10 min early) and alerts (up to 2 min) put rows recorded after a moment among the rows before it.
        const log = syntheticLog({ count, random: seededRandom(seed), maxGapMs, weights: { 'late-note': 20, alert: 20, note: 10 } });
        const index = new TimelineIndex().addAll(log);
        // The core's index holds no events (reads them from the log by seq): selectAt must answer the same.
        const bySeq = new Map(log.map((e) => [e.seq, e]));
        const reading = new TimelineIndex((seq) => bySeq.get(seq)).addAll(log);
        const final = new CheckpointedReplay(cockpitProjection('inc'), log);
        for (let cut = 0; cut <= count; cut += 1 + (seed % 11)) {
          const upToSeq = log[cut - 1]?.seq ?? 0;
          const annotations = final.stateAfter(cut).timeline;
          // The pane's default filter, and any filter (those reading annotations scan).
          for (const f of [{}, filter]) {
            const scanned = [...index.select(f, { upToSeq, annotations })];
            const at = index.selectAt(f, { upToSeq, annotations });
            expect(Array.from({ length: at.length }, (_, i) => at.at(i))).toEqual(scanned);
            const atReading = reading.selectAt(f, { upToSeq, annotations });
            expect(Array.from({ length: atReading.length }, (_, i) => atReading.at(i))).toEqual(scanned);
            // Rows are reused across moments only while their annotations are the same: as a fresh index builds them.
            if (cut % 4 === 0) {
              const fresh = new TimelineIndex().addAll(log);
              expect(scanned.slice(0, 10).map((o) => index.row(o, annotations))).toEqual(scanned.slice(0, 10).map((o) => fresh.row(o, annotations)));
            }
            const some = scanned[Math.floor(scanned.length / 2)];
            if (some !== undefined) {
              expect(index.positionOfSeq(at, index.seqOf(some))).toBe(scanned.indexOf(some));
              const t = index.row(some).at;
              expect(index.positionAtTime(at, t)).toBe(index.positionAtTime(Int32Array.from(scanned), t));
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('finds positions by seq and by time, and lists pinned rows and facets as the full rows do', () => {
    const log = syntheticLog({ count: 2000, random: seededRandom(5), maxGapMs: 60_000 });
    const index = new TimelineIndex().addAll(log);
    const rows = buildTimelineRows(log);
    const newestFirst = filterTimeline(rows, { showMetricSamples: true }).reverse();
    const selection = index.select({ showMetricSamples: true });
    const some = newestFirst[777]!;
    expect(index.positionOfSeq(selection, some.seq)).toBe(777);
    expect(index.positionAtTime(selection, some.at)).toBe(newestFirst.findIndex((r) => r.at <= some.at));
    expect(index.pinnedOrdinals().map((o) => index.row(o))).toEqual(rows.filter((r) => r.pinned));
    const facets = index.facets();
    expect(facets.actors).toEqual([...new Set(rows.map((r) => r.actor))].sort());
    expect(facets.types).toEqual([...new Set(rows.map((r) => r.type))].sort());
    expect(new Set(facets.sources)).toEqual(new Set(rows.map((r) => r.source)));
  });
});
