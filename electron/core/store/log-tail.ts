// The newest events of an incident log, read backwards from the end of the file without opening (parsing) the whole log:
// what the cockpit shows while the log is opened and its timeline index built (electron/core/incidents/cold-timeline.ts).
// Only complete lines count: the bytes after the last newline are an unfinished write and are never trusted, even when they
// happen to parse. Every line gets the full event schema (the tail is exactly the part a seal may not cover), and, as when
// the log is opened (parse-log.ts), a line that is not an event or does not follow the seq before it is left out.
import { open } from 'node:fs/promises';
import { IncidentEvent } from '../../../shared/events';

const NEWLINE = 0x0a;
/** Bytes read per step backwards: a few hundred events of the usual size. */
const CHUNK_BYTES = 64 * 1024;

export interface LogTail {
  /** The newest complete, valid events, oldest first. */
  events: IncidentEvent[];
  /** The read reached the start of the file: `events` are every valid event of the log. */
  wholeLog: boolean;
  /** The file's size when it was read (bytes after the last newline included). */
  fileSize: number;
}

export interface LogTailOptions {
  /** Stop once this says the events read so far (oldest first) are enough. */
  enough: (events: readonly IncidentEvent[]) => boolean;
  /** Never read more than this many bytes (the caller then waits for the opened log instead). */
  maxBytes: number;
}

function eventOf(line: string): IncidentEvent | undefined {
  if (line.trim() === '') return undefined;
  try {
    const parsed = IncidentEvent.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the events whose seq follows the one kept before it (as the opened log quarantines the others). */
function increasing(events: IncidentEvent[]): IncidentEvent[] {
  const kept: IncidentEvent[] = [];
  for (const e of events) if (kept.length === 0 || e.seq > kept.at(-1)!.seq) kept.push(e);
  return kept;
}

/** Reads `file` backwards, a chunk at a time, until `enough` holds, the start of the file or `maxBytes` is reached. */
export async function readLogTail(file: string, options: LogTailOptions): Promise<LogTail> {
  const handle = await open(file, 'r');
  try {
    const fileSize = (await handle.stat()).size;
    // Bytes not yet split into lines: the (possibly partial) line that starts before what was read so far.
    let pending: Buffer = Buffer.alloc(0);
    let position = fileSize;
    let newest: IncidentEvent[] = [];
    let endFound = false;
    while (position > 0 && fileSize - position < options.maxBytes) {
      const length = Math.min(CHUNK_BYTES, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      const { bytesRead } = await handle.read(chunk, 0, length, position);
      if (bytesRead !== length) throw new Error(`The log ${file} changed while its end was read.`);
      let bytes = pending.length > 0 ? Buffer.concat([chunk, pending]) : chunk;
      if (!endFound) {
        // Everything after the last newline of the file is a torn (or still being written) line: left out.
        const last = bytes.lastIndexOf(NEWLINE);
        if (last < 0) {
          pending = bytes;
          continue;
        }
        bytes = bytes.subarray(0, last + 1);
        endFound = true;
      }
      // The first line may have started before this chunk (unless the file starts here): kept for the next step.
      const firstBreak = position === 0 ? -1 : bytes.indexOf(NEWLINE);
      pending = Buffer.from(bytes.subarray(0, firstBreak + 1));
      const complete = bytes.subarray(firstBreak + 1).toString('utf8');
      const lines = complete.split('\n');
      const found: IncidentEvent[] = [];
      for (const line of lines) {
        const event = eventOf(line);
        if (event) found.push(event);
      }
      newest = increasing([...found, ...newest]);
      if (options.enough(newest)) break;
    }
    return { events: newest, wholeLog: position === 0, fileSize };
  } finally {
    await handle.close();
  }
}
