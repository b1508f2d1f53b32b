// Reads the bytes of an incident log into events, finding a torn tail and quarantining corrupt lines instead of dropping them.
import { isAscii } from 'node:buffer';
import { EVENT_SCHEMA_VERSION, IncidentEvent, eventTypes } from '../../../shared/events';
import type { LogProblem } from '../../../shared/ipc';
import { EventOffsets } from './log-index';

export interface ParsedLog {
  /** The last `keepLast` events parsed (all of them by default); older ones are only in `offsets`. */
  events: IncidentEvent[];
  /** Every valid event's seq and the byte offset of its line. */
  offsets: EventOffsets;
  problems: LogProblem[];
  /** Byte length of the valid prefix ending in a newline: a torn tail beyond it must be truncated before appending. */
  cleanLength: number;
  /** The torn bytes, kept so recovery can save them aside rather than lose them. */
  tornTail?: Buffer;
}

const NEWLINE = 0x0a;
/** Bytes decoded into one string at a time (rounded to whole lines). */
const TEXT_SLICE_BYTES = 4 * 1024 * 1024;

function excerptOf(line: string): string {
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

const knownTypes = new Set<string>(eventTypes);
/** Read once: the check below runs per line, and an imported binding can cost a property read each time. */
const VERSION = EVENT_SCHEMA_VERSION;

/** Text of bytes [start, end): a log is usually pure ASCII, and then latin1 is the same text, decoded several times faster than UTF-8. */
function textOf(bytes: Buffer, start: number, end: number): string {
  const view = bytes.subarray(start, end);
  return isAscii(view) ? view.toString('latin1') : view.toString('utf8');
}

/**
 * The cheap check used for bytes this app already validated and closed cleanly (see log-seal.ts):
 * envelope fields and a known type, without re-running the full payload schema.
 */
function looksLikeStoredEvent(raw: unknown): raw is IncidentEvent {
  if (typeof raw !== 'object' || raw === null) return false;
  const e = raw as Record<string, unknown>;
  return (
    e.v === VERSION &&
    typeof e.seq === 'number' &&
    typeof e.ts === 'string' &&
    typeof e.actor === 'string' &&
    typeof e.type === 'string' &&
    knownTypes.has(e.type) &&
    typeof e.payload === 'object' &&
    e.payload !== null
  );
}

function checkLine(text: string, lastSeq: number, trusted: boolean): { event: IncidentEvent } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `not valid JSON (${(e as Error).message})` };
  }
  if (trusted && looksLikeStoredEvent(raw)) {
    if (raw.seq <= lastSeq) return { error: `sequence ${raw.seq} does not follow ${lastSeq}` };
    return { event: raw };
  }
  const parsed = IncidentEvent.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `does not match the event schema at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  if (parsed.data.seq <= lastSeq) return { error: `sequence ${parsed.data.seq} does not follow ${lastSeq}` };
  return { event: parsed.data };
}

/**
 * Parses a log. `trustedLength` is how many leading bytes a valid seal covers (fully validated before, unchanged since);
 * those get the cheap check, everything else the full schema. `sliceBytes` (tests) is how much is decoded at a time.
 * Every event is validated, but only the last `keepLast` are kept: the others die young (cheap for the collector) and
 * are read back from the file by offset when asked for.
 */
export function parseLog(bytes: Buffer, file: string, trustedLength = 0, sliceBytes = TEXT_SLICE_BYTES, keepLast = Infinity): ParsedLog {
  const steps = parseLogInSlices(bytes, file, trustedLength, sliceBytes, keepLast);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * parseLog, giving the event loop a turn after each slice (≈ 16k events): a million-event log takes seconds to parse (over a
 * minute on a loaded 2-core machine), and a host that parsed it in one go answered no request meanwhile, not even a note.
 */
export async function parseLogYielding(bytes: Buffer, file: string, trustedLength = 0, keepLast = Infinity, sliceBytes = TEXT_SLICE_BYTES): Promise<ParsedLog> {
  const steps = parseLogInSlices(bytes, file, trustedLength, sliceBytes, keepLast);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The parse, a generator that pauses after each decoded slice (parseLog runs it through, parseLogYielding between turns). */
function* parseLogInSlices(bytes: Buffer, file: string, trustedLength: number, sliceBytes: number, keepLast: number): Generator<void, ParsedLog, void> {
  let events: IncidentEvent[] = [];
  const offsets = new EventOffsets();
  let lineStart = 0;
  const problems: LogProblem[] = [];
  // Everything after the last newline is an unfinished write: the writer died mid-append, and that event was never
  // acknowledged (acknowledgement follows the fsync of the full line).
  const cleanLength = bytes.lastIndexOf(NEWLINE) + 1;
  const trusted = Math.min(trustedLength, cleanLength);
  // The sealed prefix gets the cheap check, the rest the full schema; both end on a line boundary.
  const segments = [
    { from: 0, to: trusted, trusted: true },
    { from: trusted, to: cleanLength, trusted: false },
  ];
  let lineNo = 0;
  let lastSeq = 0;
  for (const segment of segments) {
    for (let from = segment.from; from < segment.to; ) {
      // Decoded a slice at a time, never the whole log as one string: at a million events that string alone is ≈ 250 MB.
      // A slice ends after a newline, and a newline byte is never part of a multi-byte UTF-8 character.
      let to = Math.min(segment.to, from + sliceBytes);
      if (to < segment.to) {
        const lastNewline = bytes.lastIndexOf(NEWLINE, to - 1);
        // A line longer than a slice is taken whole.
        to = lastNewline >= from ? lastNewline + 1 : bytes.indexOf(NEWLINE, to) + 1;
      }
      const text = textOf(bytes, from, to);
      from = to;
      let start = 0;
      while (start < text.length) {
        const end = text.indexOf('\n', start);
        lineNo++;
        const line = text.slice(start, end);
        // The byte offset of this line (the text may be UTF-8, where characters and bytes differ).
        const lineOffset = lineStart;
        lineStart = bytes.indexOf(NEWLINE, lineStart) + 1;
        const blank = line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '');
        if (!blank) {
          const checked = checkLine(line, lastSeq, segment.trusted);
          if ('event' in checked) {
            events.push(checked.event);
            offsets.push(checked.event.seq, lineOffset);
            lastSeq = checked.event.seq;
            if (events.length >= 2 * keepLast) events = events.slice(events.length - keepLast);
          } else {
            problems.push({
              kind: 'corrupt_line',
              file,
              line: lineNo,
              message: `Line ${lineNo} ${checked.error}. It is quarantined: kept in the file, left out of every view.`,
              excerpt: excerptOf(line),
            });
          }
        }
        start = end + 1;
      }
      yield;
    }
  }
  if (cleanLength < bytes.length) {
    const tail = bytes.subarray(cleanLength);
    problems.push({
      kind: 'torn_tail',
      file,
      line: lineNo + 1,
      message: `The last ${tail.length} bytes were an unfinished write (the app stopped while saving). They were set aside and the log was truncated to the last complete event.`,
      excerpt: excerptOf(tail.toString('utf8')),
    });
    return { events: keep(events, keepLast), offsets, problems, cleanLength, tornTail: Buffer.from(tail) };
  }
  return { events: keep(events, keepLast), offsets, problems, cleanLength };
}

const keep = (events: IncidentEvent[], last: number): IncidentEvent[] => (events.length > last ? events.slice(events.length - last) : events);
