// Stakeholder-update cadence: per-severity policy and a pure projection of the event log into "next update due" per audience.
import { z } from 'zod';
import { audiences, CadencePolicySchema, CadenceRuleSchema, type Audience, type IncidentEvent } from '../events';
import type { Severity as SeverityName } from '../incidents/severity';

// The schemas live with the event that records the policy in the incident log (shared/events cannot import shared/updates).
export const CadenceRule = CadenceRuleSchema;
export type CadenceRule = z.infer<typeof CadenceRule>;

export const CadencePolicy = CadencePolicySchema;
export type CadencePolicy = z.infer<typeof CadencePolicy>;

const everyone = [...audiences];

/** Common practice: first update within 5 minutes for SEV1/SEV2, every 20 minutes for two hours, then hourly. */
export const defaultCadencePolicy: CadencePolicy = {
  SEV1: { firstWithinMinutes: 5, phases: [{ untilMinutes: 120, everyMinutes: 20 }], thenEveryMinutes: 60, audiences: everyone },
  SEV2: { firstWithinMinutes: 5, phases: [{ untilMinutes: 120, everyMinutes: 20 }], thenEveryMinutes: 60, audiences: everyone },
  SEV3: { firstWithinMinutes: 30, phases: [{ untilMinutes: 240, everyMinutes: 60 }], thenEveryMinutes: 240, audiences: ['support', 'engineers'] },
  SEV4: null,
};

export type CadenceState = 'off' | 'scheduled' | 'overdue' | 'done';

export interface AudienceCadence {
  audience: Audience;
  state: CadenceState;
  /** When the next update to this audience is due; absent when the cadence is off or the final update went out. */
  dueAt?: string;
  /** Why it is due then, in words the commander can check against the policy. */
  reason: string;
  lastPublishedAt?: string;
  /** The commander dismissed the reminder for this due time. */
  acknowledged: boolean;
}

export interface CadenceStatus {
  severity: SeverityName;
  resolved: boolean;
  /** The time the projection was computed for. */
  at: string;
  audiences: AudienceCadence[];
  /** The audience whose update is due soonest (overdue first), if any. */
  next?: AudienceCadence;
}

const MINUTE = 60_000;

/** The interval after an update published when the incident was `ageMinutes` old. */
export function intervalMinutes(rule: CadenceRule, ageMinutes: number): { every: number; phase: string } {
  for (const p of rule.phases) {
    if (ageMinutes < p.untilMinutes) return { every: p.everyMinutes, phase: `during the first ${formatMinutes(p.untilMinutes)}` };
  }
  const last = rule.phases.at(-1);
  return { every: rule.thenEveryMinutes, phase: last ? `after the first ${formatMinutes(last.untilMinutes)}` : 'throughout' };
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60 || minutes % 60 !== 0) return `${minutes} min`;
  return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
}

/** What the cadence depends on in the log, folded event by event (never mutated: playback keeps it in checkpoints). */
export interface CadenceTimeline {
  severity: SeverityName;
  declaredAt: number;
  /** Declaration, the last re-classification or the last reopening: the first-update clock restarts there. */
  anchor: number;
  anchorWhy: string;
  resolvedAt?: number;
  lastPublished: ReadonlyMap<Audience, number>;
  acknowledged: ReadonlyMap<Audience, ReadonlySet<string>>;
  /** The policy the log recorded last (update.cadence_set); absent until one is recorded. */
  policy?: CadencePolicy;
}
type Timeline = CadenceTimeline;

export function applyCadenceEvent(t: CadenceTimeline | undefined, e: IncidentEvent): CadenceTimeline | undefined {
  if (e.type === 'incident.declared') {
    if (t) return t;
    const at = Date.parse(e.ts);
    return { severity: e.payload.severity, declaredAt: at, anchor: at, anchorWhy: `of declaring a ${e.payload.severity}`, lastPublished: new Map(), acknowledged: new Map() };
  }
  if (!t) return t;
  switch (e.type) {
    case 'incident.severity_changed':
      return { ...t, severity: e.payload.to, anchor: Date.parse(e.ts), anchorWhy: `of re-classifying to ${e.payload.to}` };
    case 'incident.status_changed': {
      if (e.payload.to === 'resolved') return { ...t, resolvedAt: Date.parse(e.ts) };
      if (t.resolvedAt === undefined) return t;
      const { resolvedAt: _resolved, ...open } = t;
      return { ...open, anchor: Date.parse(e.ts), anchorWhy: 'of reopening the incident' };
    }
    case 'update.published':
      return { ...t, lastPublished: new Map(t.lastPublished).set(e.payload.audience, Date.parse(e.ts)) };
    case 'update.cadence_set':
      return { ...t, policy: e.payload.policy };
    case 'update.reminder_acknowledged': {
      const set = new Set(t.acknowledged.get(e.payload.audience) ?? []).add(new Date(e.payload.dueAt).toISOString());
      return { ...t, acknowledged: new Map(t.acknowledged).set(e.payload.audience, set) };
    }
    default:
      return t;
  }
}

function foldTimeline(events: readonly IncidentEvent[]): Timeline | undefined {
  let t: Timeline | undefined;
  for (const e of events) t = applyCadenceEvent(t, e);
  return t;
}

function audienceCadence(t: Timeline, rule: CadenceRule | null, audience: Audience, now: number): AudienceCadence {
  const last = t.lastPublished.get(audience);
  const base = { audience, acknowledged: false, ...(last !== undefined ? { lastPublishedAt: new Date(last).toISOString() } : {}) };
  if (!rule) return { ...base, state: 'off', reason: `No update cadence for ${t.severity}.` };
  if (!rule.audiences.includes(audience)) return { ...base, state: 'off', reason: `${t.severity} updates do not go to ${audience}.` };
  let due: number;
  let reason: string;
  if (t.resolvedAt !== undefined) {
    if (last !== undefined && last >= t.resolvedAt) return { ...base, state: 'done', reason: 'The final update after resolution was published.' };
    due = t.resolvedAt + rule.firstWithinMinutes * MINUTE;
    reason = `Final update within ${formatMinutes(rule.firstWithinMinutes)} of resolving.`;
  } else if (last === undefined || last < t.anchor) {
    due = t.anchor + rule.firstWithinMinutes * MINUTE;
    reason = `First update within ${formatMinutes(rule.firstWithinMinutes)} ${t.anchorWhy}.`;
    if (last !== undefined) {
      const { every } = intervalMinutes(rule, (last - t.declaredAt) / MINUTE);
      const regular = last + every * MINUTE;
      // A regular due time that falls inside the grace window stays; one already past at the change would be instantly overdue.
      if (regular > t.anchor && regular < due) {
        due = regular;
        reason = `Every ${formatMinutes(every)} since the last update.`;
      }
    }
  } else {
    const { every, phase } = intervalMinutes(rule, (last - t.declaredAt) / MINUTE);
    due = last + every * MINUTE;
    reason = `Every ${formatMinutes(every)} ${phase}.`;
  }
  const dueAt = new Date(due).toISOString();
  return { ...base, state: now > due ? 'overdue' : 'scheduled', dueAt, reason, acknowledged: t.acknowledged.get(audience)?.has(dueAt) ?? false };
}

/** "SEV1 first within 5 min, every 20 min during the first 2 hours, then every 1 hour · SEV2 …"; a short summary for the timeline. */
export function describeCadence(policy: CadencePolicy): string {
  return (Object.keys(policy) as SeverityName[])
    .map((s) => {
      const r = policy[s];
      if (!r) return `${s} off`;
      const phases = r.phases.map((p) => `every ${formatMinutes(p.everyMinutes)} for ${formatMinutes(p.untilMinutes)}`);
      return `${s} first within ${formatMinutes(r.firstWithinMinutes)}, ${[...phases, `${phases.length ? 'then ' : ''}every ${formatMinutes(r.thenEveryMinutes)}`].join(', ')}`;
    })
    .join(' · ');
}

/** The one-rule summary a commander reads in the pane: "every 15 min" or "every 20 min for 2 hours, then every 1 hour". */
export function describeRule(rule: CadenceRule | null): string {
  if (!rule) return 'no update cadence';
  const phases = rule.phases.map((p) => `every ${formatMinutes(p.everyMinutes)} for ${formatMinutes(p.untilMinutes)}`);
  return [...phases, `${phases.length ? 'then ' : ''}every ${formatMinutes(rule.thenEveryMinutes)}`].join(', ');
}

export interface PolicyInForce {
  policy: CadencePolicy;
  /** 'log': the incident recorded it (settings at the time, or the commander's change); 'fallback': nothing recorded yet. */
  from: 'log' | 'fallback';
  origin?: 'settings' | 'commander';
  /** Sequence number of the event that set it. */
  seq?: number;
}

/**
 * The cadence policy in force at the end of `events`: the last `update.cadence_set` in the log, else `fallback` (today's
 * settings live, the shipped default in playback of logs that never recorded one). Truncating the log to a moment in the
 * past therefore gives the countdowns as they were then.
 */
export function policyInForce(events: readonly IncidentEvent[], fallback: CadencePolicy): PolicyInForce {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'update.cadence_set') return { policy: e.payload.policy, from: 'log', origin: e.payload.origin, seq: e.seq };
  }
  return { policy: fallback, from: 'fallback' };
}

/**
 * Projects the event log into the cadence of every audience at time `now` (inject the clock; never read it here).
 * The policy is the one the log records (see policyInForce); `fallback` only applies while the log records none.
 */
export function cadenceStatus(events: readonly IncidentEvent[], fallback: CadencePolicy, now: Date): CadenceStatus | undefined {
  return cadenceOf(foldTimeline(events), fallback, now);
}

/** The cadence at `now` from an already folded timeline (see applyCadenceEvent); its recorded policy wins over `fallback`. */
export function cadenceOf(t: CadenceTimeline | undefined, fallback: CadencePolicy, now: Date): CadenceStatus | undefined {
  if (!t) return undefined;
  const rule = (t.policy ?? fallback)[t.severity];
  const list = audiences.map((a) => audienceCadence(t, rule, a, now.getTime()));
  const pending = list.filter((a) => a.dueAt !== undefined).sort((a, b) => a.dueAt!.localeCompare(b.dueAt!));
  return {
    severity: t.severity,
    resolved: t.resolvedAt !== undefined,
    at: now.toISOString(),
    audiences: list,
    ...(pending[0] ? { next: pending[0] } : {}),
  };
}

/** When the update after one published now would be due, for "next update at" in the text; undefined when none is planned. */
export function nextDueIfPublishedNow(events: readonly IncidentEvent[], fallback: CadencePolicy, audience: Audience, now: Date): Date | undefined {
  return nextDueAt(foldTimeline(events), policyInForce(events, fallback).policy, audience, now);
}

/** nextDueIfPublishedNow from a folded timeline and the policy in force. */
export function nextDueAt(t: CadenceTimeline | undefined, inForce: CadencePolicy, audience: Audience, now: Date): Date | undefined {
  if (!t || t.resolvedAt !== undefined) return undefined;
  const rule = inForce[t.severity];
  if (!rule || !rule.audiences.includes(audience)) return undefined;
  const { every } = intervalMinutes(rule, (now.getTime() - t.declaredAt) / MINUTE);
  return new Date(now.getTime() + every * MINUTE);
}

/** "4:59", "1:02:03", "2d 03:04:05", or "-0:30" when overdue; seconds are floored so the display never shows more time than is left. */
export function formatCountdown(msUntilDue: number): string {
  const overdue = msUntilDue < 0;
  const total = overdue ? Math.ceil(-msUntilDue / 1000) : Math.floor(msUntilDue / 1000);
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const body = d > 0 ? `${d}d ${pad(h)}:${pad(m)}:${pad(s)}` : h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
  return overdue ? `-${body}` : body;
}
