// Tests for the update cadence projection with fake clocks: first update, phases, re-classification, resolution, reminders.
import { describe, expect, it } from 'vitest';
import { CadencePolicy, type CadenceRule, cadenceStatus, defaultCadencePolicy, describeCadence, describeRule, formatCountdown, intervalMinutes, nextDueIfPublishedNow, policyInForce } from './cadence';
import { incidentLog } from './incident-log.test-support';

const START = '2026-11-25T12:00:00.000Z';
const sev = (severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4') =>
  incidentLog(START, { title: 'Checkout latency', severity, commander: 'alice', services: ['checkout'] });
const publish = (audience: 'executives' | 'customers' | 'support' | 'engineers') =>
  ({ type: 'update.published', payload: { audience, channel: 'clipboard', text: 'We are on it.' } }) as const;

const status = (log: ReturnType<typeof sev>, minutes: number) => cadenceStatus(log.events, defaultCadencePolicy, log.time(minutes))!;
const of = (log: ReturnType<typeof sev>, minutes: number, audience: string) => status(log, minutes).audiences.find((a) => a.audience === audience)!;

describe('cadenceStatus', () => {
  it('wants the first SEV1 update within 5 minutes of declaring', () => {
    const log = sev('SEV1');
    const exec = of(log, 1, 'executives');
    expect(exec).toMatchObject({ state: 'scheduled', dueAt: '2026-11-25T12:05:00.000Z', reason: 'First update within 5 min of declaring a SEV1.', acknowledged: false });
    expect(status(log, 1).next?.dueAt).toBe('2026-11-25T12:05:00.000Z');
  });

  it('is overdue once the due time has passed without an update', () => {
    const log = sev('SEV2');
    expect(of(log, 5, 'customers').state).toBe('scheduled');
    expect(of(log, 5.01, 'customers').state).toBe('overdue');
  });

  it('asks for updates every 20 minutes during the first two hours, then hourly', () => {
    const log = sev('SEV1').at(4, publish('executives'));
    expect(of(log, 10, 'executives')).toMatchObject({ dueAt: '2026-11-25T12:24:00.000Z', reason: 'Every 20 min during the first 2 hours.', lastPublishedAt: '2026-11-25T12:04:00.000Z' });
    log.at(119, publish('executives'));
    expect(of(log, 120, 'executives').dueAt).toBe('2026-11-25T14:19:00.000Z');
    log.at(121, publish('executives'));
    expect(of(log, 122, 'executives')).toMatchObject({ dueAt: '2026-11-25T15:01:00.000Z', reason: 'Every 1 hour after the first 2 hours.' });
  });

  it('tracks each audience separately', () => {
    const log = sev('SEV1').at(3, publish('executives'));
    expect(of(log, 10, 'executives').state).toBe('scheduled');
    expect(of(log, 10, 'customers').state).toBe('overdue');
    expect(status(log, 10).next?.audience).not.toBe('executives');
  });

  it('restarts the first-update clock when the incident is re-classified', () => {
    const log = sev('SEV3').at(10, publish('engineers'));
    expect(of(log, 11, 'executives').state).toBe('off');
    expect(of(log, 11, 'engineers').dueAt).toBe('2026-11-25T13:10:00.000Z');
    log.at(30, { type: 'incident.severity_changed', payload: { from: 'SEV3', to: 'SEV1' } });
    expect(of(log, 31, 'engineers')).toMatchObject({ dueAt: '2026-11-25T12:35:00.000Z', reason: 'First update within 5 min of re-classifying to SEV1.' });
    expect(of(log, 31, 'executives').dueAt).toBe('2026-11-25T12:35:00.000Z');
  });

  it('keeps the earlier regular due time when it comes before the re-classification deadline', () => {
    const log = sev('SEV2').at(1, publish('support')).at(20, { type: 'incident.severity_changed', payload: { from: 'SEV2', to: 'SEV1' } });
    expect(of(log, 20, 'support')).toMatchObject({ dueAt: '2026-11-25T12:21:00.000Z', reason: 'Every 20 min since the last update.' });
  });

  it('wants one final update after resolution, then nothing more', () => {
    const log = sev('SEV1').at(3, publish('executives')).at(15, { type: 'incident.status_changed', payload: { from: 'investigating', to: 'resolved' } });
    expect(of(log, 16, 'executives')).toMatchObject({ state: 'scheduled', dueAt: '2026-11-25T12:20:00.000Z', reason: 'Final update within 5 min of resolving.' });
    log.at(17, publish('executives'));
    expect(of(log, 18, 'executives')).toMatchObject({ state: 'done' });
    expect(of(log, 18, 'executives').dueAt).toBeUndefined();
    expect(status(log, 18).resolved).toBe(true);
  });

  it('restarts the clock when a resolved incident is reopened', () => {
    const log = sev('SEV1')
      .at(3, publish('executives'))
      .at(15, { type: 'incident.status_changed', payload: { from: 'investigating', to: 'resolved' } })
      .at(17, publish('executives'))
      .at(40, { type: 'incident.status_changed', payload: { from: 'resolved', to: 'investigating' } });
    expect(of(log, 41, 'executives')).toMatchObject({ dueAt: '2026-11-25T12:45:00.000Z', reason: 'First update within 5 min of reopening the incident.' });
  });

  it('has no cadence for SEV4 by default', () => {
    const s = status(sev('SEV4'), 60);
    expect(s.audiences.every((a) => a.state === 'off')).toBe(true);
    expect(s.next).toBeUndefined();
  });

  it('marks a reminder acknowledged only for the due time it was acknowledged for', () => {
    const log = sev('SEV1').at(6, { type: 'update.reminder_acknowledged', payload: { audience: 'executives', dueAt: '2026-11-25T12:05:00.000Z' } });
    expect(of(log, 7, 'executives')).toMatchObject({ state: 'overdue', acknowledged: true });
    log.at(8, publish('executives'));
    expect(of(log, 30, 'executives')).toMatchObject({ state: 'overdue', acknowledged: false });
  });

  it('follows a custom policy', () => {
    const policy = CadencePolicy.parse({
      ...defaultCadencePolicy,
      SEV4: { firstWithinMinutes: 60, phases: [], thenEveryMinutes: 1440, audiences: ['engineers'] },
    });
    const log = sev('SEV4');
    expect(cadenceStatus(log.events, policy, log.time(1))!.next).toMatchObject({ audience: 'engineers', dueAt: '2026-11-25T13:00:00.000Z' });
  });

  it('returns undefined for a log without a declaration', () => {
    expect(cadenceStatus([], defaultCadencePolicy, new Date(START))).toBeUndefined();
  });
});

describe('cadence policy and helpers', () => {
  it('rejects phases out of order and empty audience lists', () => {
    const bad = CadencePolicy.safeParse({
      ...defaultCadencePolicy,
      SEV1: { firstWithinMinutes: 5, phases: [{ untilMinutes: 120, everyMinutes: 20 }, { untilMinutes: 60, everyMinutes: 10 }], thenEveryMinutes: 60, audiences: [] },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['SEV1.phases', 'SEV1.audiences']));
  });

  it('picks the phase by incident age', () => {
    const rule = defaultCadencePolicy.SEV1!;
    expect(intervalMinutes(rule, 0).every).toBe(20);
    expect(intervalMinutes(rule, 119.9).every).toBe(20);
    expect(intervalMinutes(rule, 120).every).toBe(60);
  });

  it('computes the next update time as if publishing now', () => {
    const log = sev('SEV1');
    expect(nextDueIfPublishedNow(log.events, defaultCadencePolicy, 'executives', log.time(3))?.toISOString()).toBe('2026-11-25T12:23:00.000Z');
    expect(nextDueIfPublishedNow(sev('SEV3').events, defaultCadencePolicy, 'executives', log.time(3))).toBeUndefined();
  });

  it('formats countdowns, flooring remaining time and marking overdue with a minus', () => {
    expect(formatCountdown(5 * 60_000)).toBe('5:00');
    expect(formatCountdown(299_999)).toBe('4:59');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-30_000)).toBe('-0:30');
    expect(formatCountdown(-500)).toBe('-0:01');
    expect(formatCountdown(-(2 * 86400 + 3 * 3600 + 4 * 60 + 5) * 1000)).toBe('-2d 03:04:05');
  });
});

describe('cadence policy recorded in the incident log', () => {
  const every15: CadenceRule = { firstWithinMinutes: 5, phases: [], thenEveryMinutes: 15, audiences: ['executives', 'customers', 'support', 'engineers'] };
  const tightened = { ...defaultCadencePolicy, SEV1: every15 };

  it('reads the policy from the log, not from the settings it is given', () => {
    const log = sev('SEV1')
      .at(0, { type: 'update.cadence_set', payload: { policy: defaultCadencePolicy, origin: 'settings' } })
      .at(4, publish('executives'));
    const loose: CadencePolicy = { ...defaultCadencePolicy, SEV1: { ...every15, thenEveryMinutes: 90, audiences: ['executives'] } };
    // Today's settings say every 90 min; the incident recorded every 20 min, and that is what its countdown shows.
    expect(cadenceStatus(log.events, loose, log.time(10))!.audiences.find((a) => a.audience === 'executives')!.dueAt).toBe('2026-11-25T12:24:00.000Z');
    expect(policyInForce(log.events, loose)).toMatchObject({ from: 'log', origin: 'settings' });
    expect(policyInForce(sev('SEV1').events, loose)).toMatchObject({ from: 'fallback', policy: loose });
  });

  it('shows the countdown as it was before the commander tightened the cadence, and as it is after', () => {
    const log = sev('SEV1')
      .at(0, { type: 'update.cadence_set', payload: { policy: defaultCadencePolicy, origin: 'settings' } })
      .at(4, publish('executives'))
      .at(8, { type: 'update.cadence_set', payload: { policy: tightened, origin: 'commander', reason: 'SEV1 every 15 min' } });
    // Playback at minute 6: the log up to then, the countdown as the commander saw it then.
    const before = log.events.filter((e) => Date.parse(e.ts) <= log.time(6).getTime());
    expect(cadenceStatus(before, defaultCadencePolicy, log.time(6))!.audiences.find((a) => a.audience === 'executives')).toMatchObject({
      dueAt: '2026-11-25T12:24:00.000Z',
      reason: 'Every 20 min during the first 2 hours.',
    });
    expect(of(log, 10, 'executives')).toMatchObject({ dueAt: '2026-11-25T12:19:00.000Z', reason: 'Every 15 min throughout.' });
    expect(nextDueIfPublishedNow(log.events, defaultCadencePolicy, 'executives', log.time(10))?.toISOString()).toBe('2026-11-25T12:25:00.000Z');
  });

  it('summarises the policy for the timeline and the pane', () => {
    expect(describeRule(defaultCadencePolicy.SEV1)).toBe('every 20 min for 2 hours, then every 1 hour');
    expect(describeRule(every15)).toBe('every 15 min');
    expect(describeRule(null)).toBe('no update cadence');
    expect(describeCadence(defaultCadencePolicy)).toContain('SEV4 off');
  });
});
