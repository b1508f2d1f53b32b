// Pure projection of hot fixes from the incident log, folded event by event and never mutated: what the hot-fix pane,
// playback and the review read. The track's stage moves open → approved → rolling-out → rolled-out → verified → tagged →
// closed; the rollout stages in between are set by the rollout engine's events (see applyHotfixRollout below).
import type { IncidentEvent } from '../events';
import type { Severity } from '../incidents/severity';
import type { StrategyKind } from '../services/service-config';
import type { ApprovalRule } from './hotfix-policy';
import { rolloutBlockers } from './hotfix-blockers';
import { hotfixStageMove } from './hotfix-rollout-stage';
import type { ApprovedScope, DiffStat, LinkedCommit, TestOutcome } from './hotfix-schemas';

export type HotfixStage = 'open' | 'approved' | 'rolling-out' | 'rolled-out' | 'verified' | 'tagged' | 'closed';

export interface HotfixTestRun {
  kind: 'local' | 'ci';
  runId?: string;
  command?: string;
  url?: string;
  status: 'running' | TestOutcome;
  exitCode?: number;
  durationMs?: number;
  message?: string;
  outputTail?: string;
  note?: string;
  at: string;
  by: string;
  /** The change the tests ran against (local runs), so a later change link makes them stale. */
  headSha?: string;
}

export interface HotfixState {
  id: string;
  service: string;
  symptom: string;
  intendedChange: string;
  severity: Severity;
  approvalRule: ApprovalRule;
  cab: string[];
  openedAt: string;
  openedBy: string;
  stage: HotfixStage;
  criteria?: { met: boolean; reasons: string[]; criteria: string; at: string };
  criteriaOverride?: { reason: string; by: string; at: string };
  rollback?: { strategy: StrategyKind; description: string; killSwitch?: string; by: string; at: string };
  branch?: { name: string; base: { label: string; sha: string }; remote: string; by: string; at: string };
  change?: {
    refs: string[];
    base: { label: string; sha: string };
    headSha: string;
    commits: LinkedCommit[];
    diffStat: DiffStat;
    flags: string[];
    by: string;
    at: string;
  };
  /** The latest test run or CI record (earlier ones are on the timeline). */
  tests?: HotfixTestRun;
  testsOverride?: { reason: string; by: string; at: string };
  /** Approvals in log order; `handle` and `deviceId` say which person and installation gave it (absent in older logs). */
  approvals: { approver: string; handle?: string; deviceId?: string; approved: ApprovedScope; comment?: string; by: string; at: string }[];
  verification?: { method: 'health-query' | 'manual'; outcome: 'healthy' | 'unhealthy'; value?: number; threshold?: number; note?: string; by: string; at: string };
  tag?: { name: string; sha: string; remote: string; message: string; at: string };
  jira?: { issueKey: string; commentIntentKey: string; followUp: { projectKey: string; summary: string; intentKey: string }; at: string };
  closed?: { outcome: 'shipped' | 'abandoned'; reason?: string; by: string; at: string };
  /** Seq of the last event that changed this hot fix. */
  lastSeq: number;
}

type HotfixEvent = Extract<IncidentEvent, { type: `hotfix.${string}` }>;

const isHotfixEvent = (e: IncidentEvent): e is HotfixEvent => e.type.startsWith('hotfix.') && typeof (e.payload as { hotfixId?: unknown }).hotfixId === 'string';

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Folds one event into the hot fixes (by id, in the order they were opened); returns the same map when nothing changed. */
export function applyHotfixEvent(hotfixes: ReadonlyMap<string, HotfixState>, event: IncidentEvent): ReadonlyMap<string, HotfixState> {
  const move = hotfixStageMove(event);
  if (move) return hotfixes.get(move.hotfixId)?.stage === move.from ? applyHotfixRollout(hotfixes, move.hotfixId, move.to, event.seq) : hotfixes;
  if (!isHotfixEvent(event)) return hotfixes;
  const next = new Map(hotfixes);
  if (event.type === 'hotfix.opened') {
    const p = event.payload;
    if (next.has(p.hotfixId)) return hotfixes;
    next.set(p.hotfixId, { id: p.hotfixId, service: p.service, symptom: p.symptom, intendedChange: p.intendedChange, severity: p.severity, approvalRule: p.approvalRule, cab: p.cab, openedAt: event.ts, openedBy: event.actor, stage: 'open', approvals: [], lastSeq: event.seq });
    return next;
  }
  const current = next.get(event.payload.hotfixId);
  if (!current) return hotfixes;
  const h: HotfixState = { ...current, lastSeq: event.seq };
  const by = event.actor;
  const at = event.ts;
  switch (event.type) {
    case 'hotfix.criteria_checked':
      h.criteria = { met: event.payload.met, reasons: event.payload.reasons, criteria: event.payload.criteria, at };
      break;
    case 'hotfix.criteria_overridden':
      h.criteriaOverride = { reason: event.payload.reason, by, at };
      break;
    case 'hotfix.rollback_chosen':
      h.rollback = withoutUndefined({ strategy: event.payload.strategy, description: event.payload.description, killSwitch: event.payload.killSwitch, by, at });
      break;
    case 'hotfix.branch_created':
      h.branch = { name: event.payload.branch, base: event.payload.base, remote: event.payload.remote, by, at };
      break;
    case 'hotfix.change_linked': {
      const { refs, base, headSha, commits, diffStat, flags } = event.payload;
      h.change = { refs, base, headSha, commits, diffStat, flags, by, at };
      // Approvals were given for another change: they no longer count, and a new change needs them again.
      if (current.change && current.change.headSha !== headSha) h.approvals = [];
      break;
    }
    case 'hotfix.tests_started':
      h.tests = withoutUndefined({ kind: 'local' as const, runId: event.payload.runId, command: event.payload.command, status: 'running' as const, at, by, headSha: event.payload.headSha });
      break;
    case 'hotfix.tests_finished': {
      if (h.tests?.runId !== event.payload.runId) break;
      const { outcome, exitCode, durationMs, message, outputTail } = event.payload;
      h.tests = withoutUndefined({ ...h.tests, status: outcome, exitCode, durationMs, message, outputTail, at });
      break;
    }
    case 'hotfix.ci_recorded':
      h.tests = withoutUndefined({ kind: 'ci' as const, url: event.payload.url, status: event.payload.outcome, note: event.payload.note, at, by, headSha: h.change?.headSha });
      delete h.testsOverride;
      break;
    case 'hotfix.tests_overridden':
      h.testsOverride = { reason: event.payload.reason, by, at };
      break;
    case 'hotfix.approved':
      h.approvals = [
        ...h.approvals,
        withoutUndefined({ approver: event.payload.approver, handle: event.actorIdentity?.handle, deviceId: event.actorIdentity?.deviceId, approved: event.payload.approved, comment: event.payload.comment, by, at }),
      ];
      break;
    case 'hotfix.verified':
      h.verification = withoutUndefined({ method: event.payload.method, outcome: event.payload.outcome, value: event.payload.value, threshold: event.payload.threshold, note: event.payload.note, by, at });
      if (event.payload.outcome === 'healthy' && (h.stage === 'rolled-out' || h.stage === 'verified')) h.stage = 'verified';
      break;
    case 'hotfix.tagged':
      h.tag = { name: event.payload.tag, sha: event.payload.sha, remote: event.payload.remote, message: event.payload.message, at };
      if (h.stage === 'verified') h.stage = 'tagged';
      break;
    case 'hotfix.jira_queued':
      h.jira = { issueKey: event.payload.issueKey, commentIntentKey: event.payload.commentIntentKey, followUp: event.payload.followUp, at };
      break;
    case 'hotfix.closed':
      h.closed = withoutUndefined({ outcome: event.payload.outcome, reason: event.payload.reason, by, at });
      h.stage = 'closed';
      break;
  }
  // Approved once nothing blocks the rollout; a new change (or a failed re-run) takes an unshipped hot fix back to open.
  if (h.stage === 'open' && rolloutBlockers(h).length === 0) h.stage = 'approved';
  else if (h.stage === 'approved' && rolloutBlockers(h).length > 0) h.stage = 'open';
  next.set(h.id, h);
  return next;
}

/**
 * The seam for the rollout engine: its events move an approved hot fix to rolling-out and, at 100%, to rolled-out (or back
 * to approved after an abort). Kept here so the stage has one owner.
 */
export function applyHotfixRollout(hotfixes: ReadonlyMap<string, HotfixState>, hotfixId: string, stage: 'approved' | 'rolling-out' | 'rolled-out', seq: number): ReadonlyMap<string, HotfixState> {
  const h = hotfixes.get(hotfixId);
  if (!h || h.stage === 'closed') return hotfixes;
  return new Map(hotfixes).set(hotfixId, { ...h, stage, lastSeq: seq });
}

export function projectHotfixes(events: readonly IncidentEvent[]): HotfixState[] {
  let map: ReadonlyMap<string, HotfixState> = new Map();
  for (const e of events) map = applyHotfixEvent(map, e);
  return [...map.values()];
}
