// What crash recovery did to an incident log (a torn tail set aside), kept on disk until the user acknowledges it: recovery
// removes the evidence from the log itself, so a report held only in memory is lost if the app dies again before anyone sees it.
// Quarantined lines need no report file: they stay in the log and are found again on every open.
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { LogProblem } from '../../../shared/ipc';
import { syncDir, writeFileDurably } from '../base/durable-file';

export const RECOVERY_REPORT_FILE = 'recovery-report.json';

const ReportFile = z.object({ problems: z.array(LogProblem) });

/** The reports not acknowledged yet; an unreadable report file is itself reported rather than dropped silently. */
export async function readRecoveryReport(dir: string): Promise<LogProblem[]> {
  const file = join(dir, RECOVERY_REPORT_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  try {
    return ReportFile.parse(JSON.parse(text)).problems;
  } catch (e) {
    return [{ kind: 'unreadable', file, line: 0, message: `An earlier crash-recovery report could not be read (${(e as Error).message.split('\n')[0]}); the torn-tail-*.bin files beside the log hold what was set aside.` }];
  }
}

/** Persists `problems` (durably) before recovery changes the log, so a crash right after still leaves the report. */
export async function writeRecoveryReport(dir: string, problems: readonly LogProblem[]): Promise<void> {
  await writeFileDurably(join(dir, RECOVERY_REPORT_FILE), JSON.stringify({ problems }, null, 2) + '\n');
}

/** The user has seen the report: forget it. */
export async function removeRecoveryReport(dir: string): Promise<void> {
  const file = join(dir, RECOVERY_REPORT_FILE);
  await rm(file, { force: true });
  await syncDir(dirname(file));
}
