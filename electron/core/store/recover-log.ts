// Reading an incident log's file when it is opened: parse it (the sealed prefix with the cheap check), set a torn tail aside,
// record it in the recovery report and cut it off, and decide what the seal may cover. Split from incident-log.ts: it runs
// once, before any of the log's append state exists, and is the whole of crash recovery.
import { join } from 'node:path';
import type { LogProblem } from '../../../shared/ipc';
import { writeFileDurably } from '../base/durable-file';
import { parseLogYielding, type ParsedLog } from './parse-log';
import { SealedPrefix } from './log-seal';
import { readFileShared } from './shared-digest';
import type { LogFile, OpenLogFile } from './log-file';
import { readRecoveryReport, writeRecoveryReport } from './recovery-report';

/** A log file read, recovered and opened for appending: what IncidentLog starts from. */
export interface RecoveredLog {
  handle: LogFile;
  /** Its events; `cleanLength` is now the file's size (a torn tail was cut off). */
  parsed: ParsedLog;
  /** The recovery report: earlier entries not yet acknowledged, and this open's torn tail. */
  recovery: LogProblem[];
  /** The lines that failed validation (kept in the file). */
  quarantined: LogProblem[];
  /** Undefined when a line is quarantined: a seal must never cover a line that failed validation. */
  sealed: SealedPrefix | undefined;
  /** How many leading bytes a valid seal covered: bytes a Firebreak process validated or wrote, unchanged since. */
  trustedBytes: number;
}

/** Reads `file` (the log in `dir`; missing is empty), keeping the newest `hotLimit` events parsed, and opens it with `openFile`. */
export async function recoverLogFile(dir: string, file: string, hotLimit: number, openFile: OpenLogFile, now: () => Date): Promise<RecoveredLog> {
  let bytes: Buffer;
  try {
    bytes = await readFileShared(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    bytes = Buffer.alloc(0);
  }
  // The seal's hash is checked in the thread pool while the prefix it claims is parsed with the cheap check; in the rare case
  // it does not match (the bytes changed since), the log is parsed again with full validation.
  const claim = await SealedPrefix.claim(file, bytes);
  let parsed = await parseLogYielding(bytes, file, claim.length, hotLimit);
  const prefix = await claim.confirm();
  if (prefix.length !== claim.length) parsed = await parseLogYielding(bytes, file, prefix.length, hotLimit);
  const quarantined = parsed.problems.filter((p) => p.kind === 'corrupt_line');
  const recovery = await readRecoveryReport(dir);
  if (parsed.tornTail) {
    // Set the torn bytes aside and record the report, both durably, before the truncation removes them from the log.
    const aside = `torn-tail-${now().getTime()}.bin`;
    await writeFileDurably(join(dir, aside), parsed.tornTail);
    for (const p of parsed.problems) if (p.kind === 'torn_tail') recovery.push({ ...p, message: `${p.message} The bytes are kept in ${aside}.` });
    await writeRecoveryReport(dir, recovery);
  }
  // Everything up to cleanLength is validated now: seal it, so that even after a crash (no clean close) the next open
  // re-validates only what was appended since. Never seal over a quarantined line: the cheap check could let it through later.
  // The seal is written in the background shortly after open, not at once: when the prefix grew (after a crash), writing it
  // first folds the whole confirmed prefix into the running hash, CPU the first requests need more. A kill before it only
  // leaves the previous, still valid, seal (the next open validates the same tail again).
  const trustedBytes = prefix.length;
  let sealed: SealedPrefix | undefined;
  if (quarantined.length === 0) {
    sealed = prefix;
    sealed.extendFromFile(file, bytes.subarray(prefix.length, parsed.cleanLength));
  }
  const handle = await openFile(file);
  if (parsed.tornTail) {
    await handle.truncate(parsed.cleanLength);
    await handle.sync();
  }
  return { handle, parsed, recovery, quarantined, sealed, trustedBytes };
}
