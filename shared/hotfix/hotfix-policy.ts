// The team's hot-fix policy: which incidents qualify for a hot fix, how hot fixes are named, who must approve one per
// severity, and how small the change must stay. Pure rules over plain data, so the service, the pane and playback agree.
import { z } from 'zod';
import { Severity, severities } from '../incidents/severity';

export const HOTFIX_ID_TOKENS = ['<yyyymmdd>', '<n>'] as const;

export const HotfixIdPattern = z
  .string()
  .trim()
  .min(4)
  .max(60)
  .refine((p) => p.includes('<n>'), 'The pattern must contain <n> (the running number), e.g. HF-<yyyymmdd>-<n>')
  .refine((p) => /^[A-Za-z0-9._-]*$/.test(p.replace(/<yyyymmdd>|<n>/g, '')), 'Use letters, digits, dot, dash and underscore around <yyyymmdd> and <n>');

const ApproverName = z.string().trim().min(1).max(120);

export const ApprovalRule = z.object({
  /** Distinct approvers needed before anything ships (0: no approval needed). */
  approvers: z.number().int('Whole approvers').min(0).max(5),
  /** Only people on the CAB list count. */
  cabOnly: z.boolean(),
});
export type ApprovalRule = z.infer<typeof ApprovalRule>;

export const ChangeThresholds = z.object({
  maxFiles: z.number({ error: 'Enter the most files a hot fix may change' }).int().min(1, 'At least 1 file').max(10_000),
  /** Added plus removed lines. */
  maxLines: z.number({ error: 'Enter the most lines a hot fix may change' }).int().min(1, 'At least 1 line').max(1_000_000),
  maxModules: z.number({ error: 'Enter the most modules a hot fix may touch' }).int().min(1, 'At least 1 module').max(1000),
});
export type ChangeThresholds = z.infer<typeof ChangeThresholds>;

export const HotfixPolicy = z.object({
  idPattern: HotfixIdPattern,
  criteria: z.object({
    /** Severities a hot fix is meant for; anything else "should be a patch". */
    severities: z.array(Severity).min(1, 'Pick at least one severity').max(severities.length),
    /** Whether customer impact must have been stated (the updates pane's "Customer impact"). */
    requireCustomerImpact: z.boolean(),
  }),
  approvals: z.object({ SEV1: ApprovalRule, SEV2: ApprovalRule, SEV3: ApprovalRule, SEV4: ApprovalRule }),
  /** The change advisory board: who may approve where a rule says "CAB only". */
  cab: z.array(ApproverName).max(100),
  thresholds: ChangeThresholds,
});
export type HotfixPolicy = z.infer<typeof HotfixPolicy>;

export const defaultHotfixPolicy: HotfixPolicy = {
  idPattern: 'HF-<yyyymmdd>-<n>',
  criteria: { severities: ['SEV1', 'SEV2'], requireCustomerImpact: true },
  approvals: {
    SEV1: { approvers: 1, cabOnly: true },
    SEV2: { approvers: 2, cabOnly: false },
    SEV3: { approvers: 2, cabOnly: false },
    SEV4: { approvers: 2, cabOnly: false },
  },
  cab: [],
  thresholds: { maxFiles: 10, maxLines: 200, maxModules: 2 },
};

/** The identifier for the n-th hot fix of a day, e.g. HF-20261202-1. */
export function formatHotfixId(pattern: string, at: Date, n: number): string {
  const yyyymmdd = at.toISOString().slice(0, 10).replace(/-/g, '');
  return pattern.replace(/<yyyymmdd>/g, yyyymmdd).replace(/<n>/g, String(n));
}

export interface CriteriaCheck {
  met: boolean;
  /** Why not, in the commander's words; empty when met. */
  reasons: string[];
}

export function checkCriteria(policy: HotfixPolicy, incident: { severity: Severity; customerImpact?: string | undefined }): CriteriaCheck {
  const reasons: string[] = [];
  if (!policy.criteria.severities.includes(incident.severity)) reasons.push(`${incident.severity} is not a hot-fix severity (${policy.criteria.severities.join(', ')})`);
  if (policy.criteria.requireCustomerImpact && !incident.customerImpact) reasons.push('no customer impact has been stated');
  return { met: reasons.length === 0, reasons };
}

/** An approver: the name, and the handle when the approval was given by an identified person. */
export type Approver = string | { name: string; handle?: string | undefined };

/** The ways a person can be written on the CAB list or matched against another approval: name, handle, @handle. */
function namesOf(a: Approver): string[] {
  const { name, handle } = typeof a === 'string' ? { name: a, handle: undefined } : a;
  return [name, ...(handle ? [handle, `@${handle}`] : [])].map((n) => n.trim().toLowerCase());
}

/** The people who count towards the rule (distinct, case-insensitive; CAB members only where the rule says so, by name or handle). */
export function countingApprovers(rule: ApprovalRule, cab: readonly string[], approvers: readonly Approver[]): string[] {
  const cabSet = new Set(cab.map((c) => c.trim().toLowerCase()));
  const seen = new Set<string>();
  return approvers.flatMap((a) => {
    const keys = namesOf(a);
    if (keys.some((k) => seen.has(k)) || (rule.cabOnly && !keys.some((k) => cabSet.has(k)))) return [];
    for (const k of keys) seen.add(k);
    return [typeof a === 'string' ? a : a.name];
  });
}

export function describeApprovalRule(rule: ApprovalRule): string {
  if (rule.approvers === 0) return 'no approval needed';
  return `${rule.approvers} approver${rule.approvers === 1 ? '' : 's'}${rule.cabOnly ? ' from the CAB list' : ''}`;
}

export interface DiffStatSummary {
  files: number;
  insertions: number;
  deletions: number;
  modules: readonly string[];
}

/** What exceeds the minimal-change thresholds, one line each; empty when the change is small enough. */
export function thresholdFlags(stat: DiffStatSummary, t: ChangeThresholds): string[] {
  const flags: string[] = [];
  if (stat.files > t.maxFiles) flags.push(`${stat.files} files changed (the limit is ${t.maxFiles})`);
  const lines = stat.insertions + stat.deletions;
  if (lines > t.maxLines) flags.push(`${lines} lines changed (the limit is ${t.maxLines})`);
  if (stat.modules.length > t.maxModules) flags.push(`${stat.modules.length} modules touched: ${stat.modules.join(', ')} (the limit is ${t.maxModules})`);
  return flags;
}

/** The module a file belongs to: its first `depth` folders ("(root)" for files at the top). */
export function moduleOf(path: string, depth = 1): string {
  const parts = path.split('/');
  if (parts.length <= 1) return '(root)';
  return parts.slice(0, Math.min(depth, parts.length - 1)).join('/');
}
