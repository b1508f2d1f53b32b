// The read-only state of an incident whose disk refused a write: which errors cause it and the message the cockpit shows.
import type { LogProblem } from '../../../shared/ipc';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const DISK_FAILING = new Set(['EIO']);

/** Errors after which retrying later can succeed (space freed, disk back): the incident turns read-only instead of failing for good. */
export function isDiskFailure(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return DISK_FULL.has(code) || DISK_FAILING.has(code);
}

const clock = (at: Date): string => [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');

export function writeBlockedProblem(file: string, error: Error, lastSavedAt: Date): LogProblem {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const what = DISK_FULL.has(code) ? 'The disk is full: free space, then retry.' : `The disk reported an error (${code}) while saving: check the disk, then retry.`;
  return { kind: 'write_blocked', file, line: 0, message: `${what} Nothing after ${clock(lastSavedAt)} was saved.` };
}
