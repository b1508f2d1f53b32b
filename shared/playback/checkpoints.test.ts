import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type IncidentEvent } from '../events';
import { incidentStatuses } from '../incidents/status';
import { severities } from '../incidents/severity';
import { AbortedFold, CheckpointedReplay, EventClock, replayPrefix, type FoldPacing } from './checkpoints';
import { cockpitProjection } from './cockpit-projection';
import { seededRandom, syntheticLog } from './synthetic-log';

const start = Date.parse('2026-05-01T00:00:00Z');

/** Random but valid incident logs: a declaration followed by status, severity, commander, note, alert and page events. */
const eventLog = fc
  .array(
    fc.oneof(
      fc.record({ kind: fc.constant('status' as const), to: fc.constantFrom(...incidentStatuses) }),
      fc.record({ kind: fc.constant('severity' as const), to: fc.constantFrom(...severities) }),
      fc.record({ kind: fc.constant('commander' as const), to: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim().length > 0) }),
      fc.record({ kind: fc.constant('note' as const), text: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0) }),
      fc.record({ kind: fc.constant('alert' as const) }),
      fc.record({ kind: fc.constant('ack' as const) }),
    ),
    { maxLength: 700 },
  )
  .chain((steps) => fc.tuple(fc.constant(steps), fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: steps.length, maxLength: steps.length })))
  .map(([steps, gaps]) => {
    let t = start;
    const ts = () => new Date((t += 1000)).toISOString();
    const base = (seq: number) => ({ v: EVENT_SCHEMA_VERSION, seq, actor: 'p' }) as const;
    const events: IncidentEvent[] = [
      { ...base(1), ts: ts(), type: 'incident.declared', payload: { title: 'Prop incident', severity: 'SEV2', commander: 'p', services: [] } },
    ];
    let status: (typeof incidentStatuses)[number] = 'investigating';
    let severity: (typeof severities)[number] = 'SEV2';
    steps.forEach((s, i) => {
      t += gaps[i]!;
      const seq = events.length + 1;
      if (s.kind === 'status') {
        events.push({ ...base(seq), ts: ts(), type: 'incident.status_changed', payload: { from: status, to: s.to } });
        status = s.to;
      } else if (s.kind === 'severity') {
        events.push({ ...base(seq), ts: ts(), type: 'incident.severity_changed', payload: { from: severity, to: s.to } });
        severity = s.to;
      } else if (s.kind === 'commander') events.push({ ...base(seq), ts: ts(), type: 'incident.commander_changed', payload: { from: 'x', to: s.to } });
      else if (s.kind === 'note') events.push({ ...base(seq), ts: ts(), type: 'note.added', payload: { text: s.text, kind: 'note' } });
      else if (s.kind === 'alert') events.push({ ...base(seq), ts: ts(), type: 'alert.fired', payload: { alertname: 'A', summary: 's', labels: {} } });
      else events.push({ ...base(seq), ts: ts(), type: 'page.acknowledged', payload: { by: 'p', source: 'pd' } });
    });
    return events;
  });

describe('checkpointed playback', () => {
  it('state at any t via checkpoints equals a full replay of the prefix', () => {
    fc.assert(
      fc.property(eventLog, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 64 }), (events, fractions, interval) => {
        const projection = cockpitProjection('prop');
        const replay = new CheckpointedReplay(projection, events, interval);
        const clock = new EventClock(events);
        for (const f of fractions) {
          const t = clock.start + f * (clock.end - clock.start);
          const count = clock.countAt(t);
          expect(replay.stateAfter(count)).toEqual(replayPrefix(projection, events, count));
          // Every event counted was recorded at or before t; the next one after it.
          if (count > 0) expect(Date.parse(events[count - 1]!.ts)).toBeLessThanOrEqual(t);
          if (count < events.length) expect(Date.parse(events[count]!.ts)).toBeGreaterThan(t);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('seeking does not mutate earlier states (checkpoints stay valid after later seeks)', () => {
    fc.assert(
      fc.property(eventLog, (events) => {
        const projection = cockpitProjection('prop');
        const replay = new CheckpointedReplay(projection, events, 8);
        const early = structuredClone(replay.stateAfter(Math.floor(events.length / 3)));
        replay.stateAfter(events.length);
        expect(replay.stateAfter(Math.floor(events.length / 3))).toEqual(early);
      }),
      { numRuns: 50 },
    );
  });

  describe('built a slice at a time (a UI stays responsive while a long log folds)', () => {
    /** A pacing whose clock advances a millisecond per reading, so a 0 ms slice pauses after every checkpoint. */
    const pacingLog = () => {
      let clock = 0;
      const progress: number[] = [];
      let pauses = 0;
      const pacing: FoldPacing = {
        now: () => clock++,
        sliceMs: 0,
        pause: async () => {
          pauses++;
        },
        onProgress: (folded) => progress.push(folded),
      };
      return { pacing, progress, pauses: () => pauses };
    };

    it('answers like the replay built at once, pausing between slices and reporting progress up to the whole log', async () => {
      await fc.assert(
        fc.asyncProperty(eventLog, fc.integer({ min: 1, max: 64 }), async (events, interval) => {
          const projection = cockpitProjection('prop');
          const whole = new CheckpointedReplay(projection, events, interval);
          const { pacing, progress, pauses } = pacingLog();
          const sliced = await CheckpointedReplay.build(cockpitProjection('prop'), events, pacing, interval);
          for (let count = 0; count <= events.length; count += Math.max(1, Math.floor(events.length / 17))) {
            expect(sliced.stateAfter(count)).toEqual(whole.stateAfter(count));
          }
          expect(sliced.stateAfter(events.length)).toEqual(whole.stateAfter(events.length));
          expect(pauses()).toBe(Math.floor(events.length / interval));
          expect(progress).toEqual([...progress].sort((a, b) => a - b));
          expect(progress.at(-1)).toBe(events.length);
        }),
        { numRuns: 60 },
      );
    });

    it('extended by the events appended since answers like a replay of the whole log', async () => {
      await fc.assert(
        fc.asyncProperty(eventLog, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 32 }), async (events, cut, interval) => {
          const prefix = events.slice(0, Math.floor(cut * events.length));
          const replay = await CheckpointedReplay.build(cockpitProjection('prop'), prefix, pacingLog().pacing, interval);
          const before = replay.stateAfter(prefix.length);
          await replay.extend(events, pacingLog().pacing);
          expect(replay.log).toBe(events);
          const projection = cockpitProjection('prop');
          for (const count of [0, Math.floor(events.length / 2), prefix.length, events.length]) {
            expect(replay.stateAfter(count)).toEqual(replayPrefix(projection, events, count));
          }
          expect(replay.stateAfter(prefix.length)).toEqual(before);
        }),
        { numRuns: 60 },
      );
    });

    it('a long log touching every pane: built in slices and extended, it answers like a full replay', async () => {
      const events = syntheticLog({ count: 3000, random: seededRandom(11) });
      const replay = await CheckpointedReplay.build(cockpitProjection('synthetic'), events.slice(0, 1700), pacingLog().pacing, 64);
      await replay.extend(events, pacingLog().pacing);
      const projection = cockpitProjection('synthetic');
      for (const count of [0, 63, 64, 1699, 1700, 1701, 2500, 3000]) expect(replay.stateAfter(count), `after ${count}`).toEqual(replayPrefix(projection, events, count));
    });

    it('stops at the next pause once abandoned', async () => {
      const events = syntheticLog({ count: 200, random: seededRandom(7) });
      const signal = { aborted: false };
      let pauses = 0;
      const pacing: FoldPacing = {
        now: () => 0,
        sliceMs: -1,
        pause: async () => {
          if (++pauses === 2) signal.aborted = true;
        },
        signal,
      };
      await expect(CheckpointedReplay.build(cockpitProjection('prop'), events, pacing, 10)).rejects.toBeInstanceOf(AbortedFold);
      expect(pauses).toBe(2);
    });
  });
});
