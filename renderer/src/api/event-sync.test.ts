// One appended event costs one small page, not the whole log, and refreshes only the domains it can change.
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import type { FirebreakClient } from './client';
import { applyIncidentChange, loadEventsAfter, timelineKey, timelineWindowKey } from './event-sync';

const ID = 'inc-checkout';
const ev = (seq: number, type = 'note.added') => ({ seq, type }) as IncidentEvent;

function fakeClient(log: IncidentEvent[]) {
  const calls: { afterSeq: number; limit: number }[] = [];
  const client = {
    async callOrThrow(channel: string, input: { afterSeq: number; limit: number }) {
      expect(channel).toBe('timeline.events');
      calls.push(input);
      const events = log.filter((e) => e.seq > input.afterSeq).slice(0, input.limit);
      return { events, lastSeq: log.at(-1)?.seq ?? 0, hasMore: log.filter((e) => e.seq > input.afterSeq).length > input.limit };
    },
  } as unknown as FirebreakClient;
  return { client, calls };
}

function cacheWith(events: IncidentEvent[]) {
  const qc = new QueryClient();
  qc.setQueryData(timelineKey(ID), events);
  for (const root of ['rollback', 'runbook-checklists', 'outbox', 'updates', 'metrics', 'some-new-pane']) qc.setQueryData([root, ID], 'cached');
  return qc;
}

const invalidated = (qc: QueryClient) =>
  qc
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.isInvalidated)
    .map((q) => String(q.queryKey[0]))
    .sort();

describe('syncing an incident by deltas', () => {
  it('fetches only the events after the cached last sequence number and appends them', async () => {
    const log = Array.from({ length: 1000 }, (_, i) => ev(i + 1));
    const qc = cacheWith(log.slice(0, 998));
    const { client, calls } = fakeClient(log);
    await applyIncidentChange(qc, client, { incidentId: ID, lastSeq: 1000 });
    expect(calls).toEqual([{ incidentId: ID, afterSeq: 998, limit: 20000 }]);
    expect(qc.getQueryData<IncidentEvent[]>(timelineKey(ID))!.map((e) => e.seq).slice(-3)).toEqual([998, 999, 1000]);
    expect(qc.getQueryData<IncidentEvent[]>(timelineKey(ID))).toHaveLength(1000);
  });

  it('refreshes only the domains the new events can change, and unknown panes always', async () => {
    const log = [ev(1), ev(2, 'rollback.step')];
    const qc = cacheWith([ev(1)]);
    await applyIncidentChange(qc, fakeClient(log).client, { incidentId: ID, lastSeq: 2 });
    expect(invalidated(qc)).toEqual(['metrics', 'rollback', 'some-new-pane', 'updates']);
  });

  it('a note leaves the key times alone, a status change refreshes them', async () => {
    for (const [type, expected] of [['note.added', false], ['incident.status_changed', true]] as const) {
      const qc = cacheWith([ev(1), ev(2)]);
      qc.setQueryData(['key-times', ID], {});
      await applyIncidentChange(qc, fakeClient([ev(1), ev(2), ev(3, type)]).client, { incidentId: ID, lastSeq: 3 });
      expect(qc.getQueryCache().find({ queryKey: ['key-times', ID] })!.state.isInvalidated, type).toBe(expected);
    }
  });

  it('a metric sample leaves drafts, checklists and the outbox alone', async () => {
    const qc = cacheWith([ev(1)]);
    await applyIncidentChange(qc, fakeClient([ev(1), ev(2, 'metric.observed')]).client, { incidentId: ID, lastSeq: 2 });
    expect(invalidated(qc)).toEqual(['some-new-pane']);
  });

  it('a note refreshes the drafts but leaves the update cadence and the hot fixes alone; their own events refresh them', async () => {
    const keys = [['updates', ID, 'cadence'], ['updates', ID, 'draft', 'engineers'], ['hotfix', ID], ['hotfix', ID, 'rollouts']];
    for (const [type, expected] of [
      ['note.added', ['updates,draft']],
      ['incident.severity_changed', ['updates,cadence', 'updates,draft']],
      ['hotfix.approved', ['updates,draft', 'hotfix', 'hotfix,rollouts']],
    ] as const) {
      const qc = cacheWith([ev(1)]);
      for (const key of keys) qc.setQueryData(key, 'cached');
      await applyIncidentChange(qc, fakeClient([ev(1), ev(2, type)]).client, { incidentId: ID, lastSeq: 2 });
      const refreshed = keys.filter((key) => qc.getQueryState(key)?.isInvalidated).map((key) => [key[0], ...key.slice(2, 3)].join(','));
      expect(refreshed, type).toEqual(expected);
    }
  });

  it('a note leaves the metrics view to its own refresh, a status change refreshes it at once', async () => {
    const qc = cacheWith([ev(1)]);
    await applyIncidentChange(qc, fakeClient([ev(1), ev(2, 'note.added')]).client, { incidentId: ID, lastSeq: 2 });
    expect(invalidated(qc)).not.toContain('metrics');
    const qc2 = cacheWith([ev(1)]);
    await applyIncidentChange(qc2, fakeClient([ev(1), ev(2, 'incident.status_changed')]).client, { incidentId: ID, lastSeq: 2 });
    expect(invalidated(qc2)).toContain('metrics');
  });

  it('refetches the runbook offers on an alert or an attached runbook, not on a note or a step change', async () => {
    const offersInvalidatedBy = async (type: string) => {
      const qc = cacheWith([ev(1)]);
      qc.setQueryData(['runbook-offers', ID], 'cached');
      await applyIncidentChange(qc, fakeClient([ev(1), ev(2, type)]).client, { incidentId: ID, lastSeq: 2 });
      return invalidated(qc).includes('runbook-offers');
    };
    expect(await offersInvalidatedBy('alert.fired')).toBe(true);
    expect(await offersInvalidatedBy('runbook.attached')).toBe(true);
    expect(await offersInvalidatedBy('note.added')).toBe(false);
    expect(await offersInvalidatedBy('runbook.step_checked')).toBe(false);
  });

  it('reloads a log that went backwards instead of patching it', async () => {
    const qc = cacheWith([ev(1), ev(2), ev(3)]);
    const { client, calls } = fakeClient([ev(1), ev(2)]);
    await applyIncidentChange(qc, client, { incidentId: ID, lastSeq: 2 });
    expect(calls).toEqual([]);
    expect(invalidated(qc)).toContain('timeline');
  });

  it('applies overlapping notifications in order without duplicating events', async () => {
    const log = Array.from({ length: 5 }, (_, i) => ev(i + 1));
    const qc = cacheWith(log.slice(0, 2));
    const { client } = fakeClient(log);
    await Promise.all([applyIncidentChange(qc, client, { incidentId: ID, lastSeq: 4 }), applyIncidentChange(qc, client, { incidentId: ID, lastSeq: 5 })]);
    expect(qc.getQueryData<IncidentEvent[]>(timelineKey(ID))!.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('with a windowed timeline (no cached log) fetches only the delta, refreshes the window pages and the domains it touches', async () => {
    const log = Array.from({ length: 1000 }, (_, i) => ev(i + 1, i === 999 ? 'rollback.planned' : 'note.added'));
    const qc = new QueryClient();
    qc.setQueryData([...timelineWindowKey(ID), '{}', 0], { lastSeq: 998 });
    for (const root of ['rollback', 'outbox']) qc.setQueryData([root, ID], 'cached');
    const { client, calls } = fakeClient(log);
    await applyIncidentChange(qc, client, { incidentId: ID, lastSeq: 1000 });
    expect(calls).toEqual([{ incidentId: ID, afterSeq: 998, limit: 20000 }]);
    expect(qc.getQueryData(timelineKey(ID))).toBeUndefined();
    expect(invalidated(qc)).toEqual(['rollback', 'timeline-window']);
  });

  it('a change pushed while the timeline is on its first fetch is not lost: the timeline is fetched again after that answer', async () => {
    const qc = new QueryClient();
    const log = [ev(1)];
    let answers = 0;
    let releaseFirst!: () => void;
    const firstAnswered = new Promise<void>((resolve) => (releaseFirst = resolve));
    const observer = new QueryObserver(qc, {
      queryKey: timelineKey(ID),
      queryFn: async () => {
        const snapshot = [...log];
        answers++;
        if (answers === 1) await firstAnswered; // the answer read before the append arrives after it
        return snapshot;
      },
    });
    // An observer makes the query active, as the mounted timeline pane does.
    const unsubscribe = observer.subscribe(() => undefined);
    const first = observer.refetch();
    log.push(ev(2, 'alert.fired'));
    const change = applyIncidentChange(qc, fakeClient(log).client, { incidentId: ID, lastSeq: 2 });
    releaseFirst();
    await first;
    await change;
    expect(qc.getQueryData<IncidentEvent[]>(timelineKey(ID))!.map((e) => e.seq)).toEqual([1, 2]);
    unsubscribe();
  });
});

describe('loading a long log', () => {
  /** A core that answers timeline.events from `log` after a turn of the event loop, counting requests in flight. */
  function slowCore(log: IncidentEvent[], onCall?: (n: number) => void) {
    let inFlight = 0;
    let most = 0;
    let calls = 0;
    const client = {
      async callOrThrow(_channel: string, input: { afterSeq: number; limit: number }) {
        calls++;
        onCall?.(calls);
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 1));
        inFlight--;
        const after = log.filter((e) => e.seq > input.afterSeq);
        return { events: after.slice(0, input.limit), lastSeq: log.at(-1)?.seq ?? 0, hasMore: after.length > input.limit };
      },
    } as unknown as FirebreakClient;
    return { client, most: () => most, calls: () => calls };
  }

  it('asks for the pages after the first three at a time and joins them without a gap or a repeat, even where sequence numbers are missing', async () => {
    for (const gaps of [false, true]) {
      let seq = 0;
      const log = Array.from({ length: 95_000 }, () => ev((seq += gaps && seq % 7 === 3 ? 5 : 1)));
      const core = slowCore(log);
      const loaded: number[] = [];
      const events = await loadEventsAfter(core.client, ID, 0, (n) => loaded.push(n));
      expect(events.map((e) => e.seq)).toEqual(log.map((e) => e.seq));
      expect(core.most()).toBe(3);
      expect(loaded.at(-1)).toBe(log.length);
    }
  });

  it('events appended while it loads are fetched after the last stride', async () => {
    const log = Array.from({ length: 70_000 }, (_, i) => ev(i + 1));
    let appended = 0;
    const core = slowCore(log, (n) => {
      if (n === 3) for (let i = 0; i < 25_000; i++) log.push(ev(70_001 + appended++));
    });
    const events = await loadEventsAfter(core.client, ID, 0);
    expect(events.map((e) => e.seq)).toEqual(log.map((e) => e.seq));
    expect(events).toHaveLength(95_000);
  });

  it('a short delta is one request', async () => {
    const core = slowCore(Array.from({ length: 30 }, (_, i) => ev(i + 1)));
    expect(await loadEventsAfter(core.client, ID, 10)).toHaveLength(20);
    expect(core.calls()).toBe(1);
  });
});
