// Value shapes shared by the hot-fix events, the IPC contract and the projection: ids, the diff stat and what was approved.
import { z } from 'zod';

export const HotfixId = z.string().trim().min(4).max(80).regex(/^[A-Za-z0-9._-]+$/, 'Not a hot-fix id');
export const HotfixSha = z.string().regex(/^[0-9a-f]{40}$/, 'Not a full commit SHA');
/** A commit SHA (short or full) or a branch name in the service's repository; no leading dash, no spaces. */
export const ChangeRef = z.string().trim().min(1, 'Name a commit or a branch').max(200).regex(/^(?!-)(?!.*\.\.)[A-Za-z0-9._/+-]+$/, 'A commit SHA or branch name (letters, digits, . _ / + -)');

export const DiffFile = z.object({ path: z.string().max(1000), insertions: z.number().int().nonnegative(), deletions: z.number().int().nonnegative(), binary: z.boolean().optional() });
export type DiffFile = z.infer<typeof DiffFile>;

export const DiffStat = z.object({
  files: z.number().int().nonnegative(),
  insertions: z.number().int().nonnegative(),
  deletions: z.number().int().nonnegative(),
  modules: z.array(z.string().max(1000)).max(1000),
  /** The first files (the log keeps at most 200). */
  perFile: z.array(DiffFile).max(200),
});
export type DiffStat = z.infer<typeof DiffStat>;

export const LinkedCommit = z.object({ sha: HotfixSha, author: z.string().max(200), authorEmail: z.string().max(200).optional(), subject: z.string().max(500) });
export type LinkedCommit = z.infer<typeof LinkedCommit>;

export const TestOutcome = z.enum(['passed', 'failed', 'timeout', 'cancelled', 'not_started']);
export type TestOutcome = z.infer<typeof TestOutcome>;

/** What an approver saw and approved: the change, the tests and the rollout plan at that moment. */
export const ApprovedScope = z.object({
  headSha: HotfixSha,
  diff: z.string().max(500),
  tests: z.string().max(500),
  rolloutPlan: z.string().max(1000),
});
export type ApprovedScope = z.infer<typeof ApprovedScope>;

export const diffStatLine = (d: Pick<DiffStat, 'files' | 'insertions' | 'deletions' | 'modules'>): string =>
  `${d.files} file${d.files === 1 ? '' : 's'}, +${d.insertions} −${d.deletions}, module${d.modules.length === 1 ? '' : 's'} ${d.modules.join(', ') || '—'}`;
