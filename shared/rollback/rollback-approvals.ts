// Which recorded approval lets a rollback be confirmed: one given by someone other than the person confirming.
import type { RollbackApproval, RollbackState } from './rollback-state';

const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The latest approval from someone other than `operator` (by name, and by handle when both are known), if any. */
export function secondApproval(rollback: Pick<RollbackState, 'approvals'>, operator: string, operatorHandle?: string): RollbackApproval | undefined {
  const others = (rollback.approvals ?? []).filter((a) => !same(a.by, operator) && !same(a.handle, operatorHandle));
  return others.at(-1);
}

/** Whether `name`/`handle` already approved this rollback (approving twice records nothing new). */
export const hasApproved = (rollback: Pick<RollbackState, 'approvals'>, name: string, handle?: string): boolean =>
  (rollback.approvals ?? []).some((a) => same(a.by, name) && (!a.handle || !handle || same(a.handle, handle)));
