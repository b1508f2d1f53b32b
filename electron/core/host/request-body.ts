// Reads the JSON body of a browser-host request as a stream: a size limit per channel (checked against Content-Length before
// reading, and while reading), at most a few large bodies in memory at once, strict UTF-8, and bounded nesting.
import type { IncomingMessage } from 'node:http';
import type { Channel } from '../../../shared/ipc';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from '../../../shared/ipc/input-shape';

const MiB = 1024 * 1024;

/** Every request fits in this unless its channel says otherwise: a 20,000-character note is at most ~120 kB of JSON. */
export const DEFAULT_BODY_LIMIT = 1 * MiB;

/** Channels that carry documents: review bundles (the contract caps their content at 60 MiB), configuration files, reviews. */
const channelBodyLimits: Partial<Record<Channel, number>> = {
  'review.importBundle': 64 * MiB,
  'review.inspectBundle': 64 * MiB,
  'settings.importConfig': 8 * MiB,
  'review.save': 2 * MiB,
};

export const bodyLimitFor = (channel: string): number => channelBodyLimits[channel as Channel] ?? DEFAULT_BODY_LIMIT;

/** A body above this size takes one of the large-body slots while it is read and parsed. */
export const LARGE_BODY_BYTES = 1 * MiB;
/** How many large bodies may be received at once: each one costs several times its size in memory until it is parsed. */
export const MAX_LARGE_BODIES = 2;

export class BodyRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 503,
    message: string,
  ) {
    super(message);
  }
}

/** Counts the large bodies being received; a request that finds no free slot is refused at once, not queued. */
export class LargeBodySlots {
  private used = 0;

  constructor(readonly max: number = MAX_LARGE_BODIES) {}

  get inUse(): number {
    return this.used;
  }

  take(): boolean {
    if (this.used >= this.max) return false;
    this.used++;
    return true;
  }

  release(): void {
    this.used--;
  }
}

const mebibytes = (bytes: number) => `${Math.round((bytes / MiB) * 10) / 10} MiB`;

function busy(slots: LargeBodySlots): BodyRefused {
  return new BodyRefused(503, `Firebreak is already receiving ${slots.max} large requests; try again when they are done.`);
}

function tooLarge(channel: string, limit: number, size: string): BodyRefused {
  return new BodyRefused(413, `${channel} accepts at most ${mebibytes(limit)} of request body; this request sent ${size}.`);
}

/**
 * Reads and parses the body. An empty body is `{}`. Throws BodyRefused; the caller answers it and the server drains whatever
 * the client still sends (the stream is paused, never buffered, once refused).
 */
export function readJsonBody(req: IncomingMessage, channel: string, slots: LargeBodySlots): Promise<unknown> {
  const limit = bodyLimitFor(channel);
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) return Promise.reject(tooLarge(channel, limit, mebibytes(declared)));
  let holdsSlot = false;
  if (declared > LARGE_BODY_BYTES) {
    if (!slots.take()) return Promise.reject(busy(slots));
    holdsSlot = true;
  }
  return new Promise<unknown>((resolve, reject) => {
    // fatal: invalid UTF-8 is refused instead of being stored as U+FFFD.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const parts: string[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: BodyRefused | undefined, value?: unknown) => {
      if (settled) return;
      settled = true;
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (holdsSlot) slots.release();
      parts.length = 0;
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge(channel, limit, `more than ${mebibytes(limit)}`));
      if (!holdsSlot && size > LARGE_BODY_BYTES) {
        if (!slots.take()) return finish(busy(slots));
        holdsSlot = true;
      }
      try {
        parts.push(decoder.decode(chunk, { stream: true }));
      } catch {
        finish(new BodyRefused(400, `Request body is not valid UTF-8 (near byte ${size - chunk.length}); send JSON text encoded as UTF-8.`));
      }
    };
    const onEnd = () => {
      let text: string;
      try {
        text = parts.join('') + decoder.decode();
      } catch {
        return finish(new BodyRefused(400, 'Request body is not valid UTF-8 (it ends inside a character); send JSON text encoded as UTF-8.'));
      }
      if (text.trim() === '') return finish(undefined, {});
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        return finish(new BodyRefused(400, `Request body is not valid JSON: ${(e as Error).message.slice(0, 200)}`));
      }
      if (nestsDeeperThan(value, MAX_INPUT_DEPTH)) return finish(new BodyRefused(400, `Request body is nested deeper than ${MAX_INPUT_DEPTH} levels.`));
      finish(undefined, value);
    };
    const onError = () => finish(new BodyRefused(400, 'The request body was cut off.'));
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
