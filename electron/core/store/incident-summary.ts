// The small file beside each log that listing reads instead of parsing the log: the incident's state, its problems and what
// needs attention at start (open outbox writes, running rollbacks). A cache, never a source of truth: it is valid only while it
// names the log's exact byte size; missing, corrupt or stale (a crash after appends) means the log is opened and it is rebuilt.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { IncidentListItem, LogProblem } from '../../../shared/ipc/incidents';
import { writeFileDurably } from '../base/durable-file';
import { LOG_FILE } from './incident-log';

export const SUMMARY_FILE = 'summary.json';

const IncidentSummary = z.object({
  format: z.literal(1),
  /** The log's byte size when the summary was written: any other size means events were appended (or lost) since. */
  logSize: z.number().int().nonnegative(),
  /** The log's modification time then: an edit outside Firebreak that keeps the size still makes the summary stale. */
  logMtimeMs: z.number(),
  lastSeq: z.number().int().nonnegative(),
  state: IncidentListItem.shape.state,
  problems: z.array(LogProblem),
  /** Outbox writes not yet settled (pending, in doubt or failed): the outbox worker must see them at start. */
  openOutbox: z.number().int().nonnegative(),
  /** Every outbox write ever queued in the incident, settled or not (the outbox list opens incidents that have any). */
  outboxItems: z.number().int().nonnegative(),
  runningRollbacks: z.number().int().nonnegative(),
  /** Linked to Jira issues or a PagerDuty incident: the connector poller opens it when it is not resolved. */
  linked: z.boolean(),
  pdIncidentId: z.string().optional(),
});
export type IncidentSummary = z.infer<typeof IncidentSummary>;

/** Whether an incident can stay closed after start: resolved or not, nothing in it is waiting for the core to act. */
export const needsNoAttention = (s: IncidentSummary): boolean => s.openOutbox === 0 && s.runningRollbacks === 0 && s.problems.length === 0;

/**
 * The summary beside the log in `dir` if it is readable and well-formed, and whether it is current (names the log's size);
 * undefined when missing or corrupt. A stale one still says what the log's first `logSize` bytes fold to (see IncidentStore.load).
 */
export async function readSummary(dir: string): Promise<{ summary: IncidentSummary; current: boolean } | undefined> {
  try {
    const [raw, log] = await Promise.all([readFile(join(dir, SUMMARY_FILE), 'utf8'), stat(join(dir, LOG_FILE))]);
    const parsed = IncidentSummary.safeParse(JSON.parse(raw));
    return parsed.success ? { summary: parsed.data, current: parsed.data.logSize === log.size && parsed.data.logMtimeMs === Math.floor(log.mtimeMs) } : undefined;
  } catch {
    return undefined;
  }
}

export async function writeSummary(dir: string, summary: IncidentSummary): Promise<void> {
  await writeFileDurably(join(dir, SUMMARY_FILE), JSON.stringify(summary));
}
