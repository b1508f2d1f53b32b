// The narrow refresh rules (event-sync.ts) against the folds they stand for: an event a rule lets pass must leave that fold
// exactly as it was, over a long mixed log. A fold that learns to read another event type fails here until its rule does too.
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, IncidentEvent } from '../../../shared/events';
import { applyHotfixEvent, type HotfixState } from '../../../shared/hotfix/hotfix-state';
import { applyRolloutEvent, rolloutProjection } from '../../../shared/hotfix/rollout-state';
import { seededRandom, syntheticLog } from '../../../shared/playback/synthetic-log';
import { applyCadenceEvent, type CadenceTimeline } from '../../../shared/updates/cadence';
import { eventAffects } from './event-sync';

const ID = 'inc-1';
const HF = 'HF-20261202-1';
const log = syntheticLog({ count: 4000, random: seededRandom(11) });
const types = new Set(log.map((e) => e.type));

describe('the narrow refresh rules never skip an event that changes their fold', () => {
  it('hot fixes and rollouts: only their own events move them', () => {
    const at = (seq: number, type: string, payload: unknown) => IncidentEvent.parse({ v: EVENT_SCHEMA_VERSION, seq, ts: '2026-12-02T10:00:00.000Z', actor: 'ana', type, payload });
    const opened = at(1, 'hotfix.opened', { hotfixId: HF, service: 'checkout', symptom: 'Timeouts', intendedChange: 'Lower the timeout', severity: 'SEV2', approvalRule: { approvers: 1, cabOnly: false }, cab: [] });
    const started = at(2, 'rollout.started', { hotfixId: HF, rolloutId: 'ro-test-0001', service: 'checkout', onFailure: 'offer-rollback', stages: [{ id: 'canary', label: 'Canary', analyze: false, advance: 'automatic', bakeSeconds: 60 }] });
    let hotfixes: ReadonlyMap<string, HotfixState> = applyHotfixEvent(applyHotfixEvent(new Map(), opened), started);
    let rollouts = applyRolloutEvent(rolloutProjection.initial(ID), started);
    expect(hotfixes.get(HF)?.stage).toBe('open');
    expect(rollouts.size).toBe(1);
    expect(eventAffects(['hotfix', ID], opened.type) && eventAffects(['hotfix', ID, 'rollouts'], started.type)).toBe(true);
    let skipped = 0;
    for (const e of log) {
      if (eventAffects(['hotfix', ID], e.type) || eventAffects(['hotfix', ID, 'rollouts'], e.type)) continue;
      skipped++;
      expect(applyHotfixEvent(hotfixes, e), e.type).toBe(hotfixes);
      expect(applyRolloutEvent(rollouts, e), e.type).toBe(rollouts);
      hotfixes = applyHotfixEvent(hotfixes, e);
      rollouts = applyRolloutEvent(rollouts, e);
    }
    expect(skipped).toBe(log.length);
  });

  it('the update cadence: a note, a sample, an alert or a rollback step never moves it; status, severity and updates do', () => {
    let cadence: CadenceTimeline | undefined;
    const moved = new Set<string>();
    const skipped = new Set<string>();
    for (const e of log) {
      const next = applyCadenceEvent(cadence, e);
      if (!eventAffects(['updates', ID, 'cadence'], e.type)) {
        skipped.add(e.type);
        expect(next, e.type).toBe(cadence);
      } else if (next !== cadence) moved.add(e.type);
      cadence = next;
    }
    expect([...skipped]).toEqual(expect.arrayContaining(['note.added', 'metric.observed', 'alert.fired', 'rollback.step']));
    expect([...moved]).toEqual(expect.arrayContaining(['incident.declared', 'incident.status_changed', 'update.published']));
    // Drafts and facts read notes: they keep the broader rule.
    expect(eventAffects(['updates', ID, 'draft', 'engineers'], 'note.added')).toBe(true);
    expect(eventAffects(['updates', ID, 'facts'], 'note.added')).toBe(true);
    expect(types.size).toBeGreaterThan(20);
  });
});
