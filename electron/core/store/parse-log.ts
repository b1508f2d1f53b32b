// Reads the bytes of an incident log into events, finding a torn tail and quarantining corrupt lines instead of dropping them.
import { IncidentEvent } from '../../../shared/events';
import type { LogProblem } from '../../../shared/ipc';

export interface ParsedLog {
  events: IncidentEvent[];
  problems: LogProblem[];
  /** Byte length of the valid prefix ending in a newline: a torn tail beyond it must be truncated before appending. */
  cleanLength: number;
  /** The torn bytes, kept so recovery can save them aside rather than lose them. */
  tornTail?: Buffer;
}

const NEWLINE = 0x0a;

function excerptOf(line: string): string {
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

function checkLine(text: string, lastSeq: number): { event: IncidentEvent } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `not valid JSON (${(e as Error).message})` };
  }
  const parsed = IncidentEvent.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `does not match the event schema at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  if (parsed.data.seq <= lastSeq) return { error: `sequence ${parsed.data.seq} does not follow ${lastSeq}` };
  return { event: parsed.data };
}

export function parseLog(bytes: Buffer, file: string): ParsedLog {
  const events: IncidentEvent[] = [];
  const problems: LogProblem[] = [];
  let start = 0;
  let lineNo = 0;
  let lastSeq = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, start);
    lineNo++;
    if (end === -1) {
      // No newline: the writer died mid-append. This event was never acknowledged (ack follows fsync of the full line).
      const tail = bytes.subarray(start);
      problems.push({
        kind: 'torn_tail',
        file,
        line: lineNo,
        message: `The last ${tail.length} bytes were an unfinished write (the app stopped while saving). They were set aside and the log was truncated to the last complete event.`,
        excerpt: excerptOf(tail.toString('utf8')),
      });
      return { events, problems, cleanLength: start, tornTail: Buffer.from(tail) };
    }
    const text = bytes.toString('utf8', start, end);
    if (text.trim() !== '') {
      const checked = checkLine(text, lastSeq);
      if ('event' in checked) {
        events.push(checked.event);
        lastSeq = checked.event.seq;
      } else {
        problems.push({
          kind: 'corrupt_line',
          file,
          line: lineNo,
          message: `Line ${lineNo} ${checked.error}. It is quarantined: kept in the file, left out of every view.`,
          excerpt: excerptOf(text),
        });
      }
    }
    start = end + 1;
  }
  return { events, problems, cleanLength: bytes.length };
}
