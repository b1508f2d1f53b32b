// One incident's append-only JSONL event log: group-commit appends acknowledged only after fsync, crash recovery on open.
import { open, readFile, writeFile, mkdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_SCHEMA_VERSION, IncidentEvent, type NewEvent } from '../../../shared/events';
import type { LogProblem } from '../../../shared/ipc';
import { DomainError } from '../../../shared/result';
import { parseLog } from './parse-log';
import { sealedLength, writeSeal } from './log-seal';
import { chainHash, GENESIS_HASH } from './hash-chain';

export const LOG_FILE = 'events.jsonl';

interface PendingBatch {
  lines: string[];
  events: IncidentEvent[];
  waiters: { resolve: () => void; reject: (e: Error) => void }[];
}

export class IncidentLog {
  private pending: PendingBatch | undefined;
  private flushing: Promise<void> | undefined;
  private failure: Error | undefined;
  private nextSeq: number;
  private lastHash: string;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    private readonly committed: IncidentEvent[],
    readonly problems: LogProblem[],
    private size: number,
  ) {
    this.nextSeq = (committed.at(-1)?.seq ?? 0) + 1;
    this.lastHash = committed.at(-1)?.h ?? GENESIS_HASH;
  }

  /** Opens (creating if needed) the log in `dir`, truncating a torn tail after saving it aside. */
  static async open(dir: string): Promise<IncidentLog> {
    await mkdir(dir, { recursive: true });
    const file = join(dir, LOG_FILE);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      bytes = Buffer.alloc(0);
    }
    const sealed = await sealedLength(file, bytes);
    const parsed = parseLog(bytes, file, sealed);
    // Everything is validated now: seal it, so that even after a crash (no clean close) the next open re-validates only what
    // was appended since. Never seal over a quarantined line: the cheap check could let it through later.
    if (parsed.cleanLength > sealed && !parsed.problems.some((p) => p.kind === 'corrupt_line')) {
      await writeSeal(file, bytes, parsed.cleanLength).catch(() => undefined);
    }
    const handle = await open(file, 'a+');
    if (parsed.tornTail) {
      await writeFile(join(dir, `torn-tail-${Date.now()}.bin`), parsed.tornTail);
      await handle.truncate(parsed.cleanLength);
      await handle.sync();
    }
    return new IncidentLog(file, handle, parsed.events, parsed.problems, parsed.cleanLength);
  }

  get events(): readonly IncidentEvent[] {
    return this.committed;
  }

  get lastSeq(): number {
    return this.committed.at(-1)?.seq ?? 0;
  }

  /**
   * Validates and appends events; resolves with the stored events once they are on disk (fsynced).
   * Appends arriving while a write is in flight are batched into the next single write + fsync.
   */
  append(newEvents: readonly NewEvent[]): Promise<IncidentEvent[]> {
    if (this.failure) {
      return Promise.reject(new DomainError('unavailable', `The incident log cannot be written: ${this.failure.message}. Reopen the incident to recover.`));
    }
    const now = new Date().toISOString();
    const stored: IncidentEvent[] = [];
    for (const e of newEvents) {
      const candidate = {
        v: EVENT_SCHEMA_VERSION,
        seq: this.nextSeq + stored.length,
        ts: e.ts ?? now,
        actor: e.actor,
        type: e.type,
        payload: e.payload,
        ...(e.rid !== undefined ? { rid: e.rid } : {}),
      };
      const parsed = IncidentEvent.safeParse(candidate);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DomainError('validation', `Event ${e.type} is invalid: ${issue?.message ?? 'invalid'}`, [issue?.path.join('.') ?? '']);
      }
      stored.push(parsed.data);
    }
    for (const e of stored) {
      e.h = chainHash(this.lastHash, e);
      this.lastHash = e.h;
    }
    this.nextSeq += stored.length;
    const batch = (this.pending ??= { lines: [], events: [], waiters: [] });
    for (const e of stored) {
      batch.lines.push(JSON.stringify(e));
      batch.events.push(e);
    }
    const done = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }));
    this.scheduleFlush();
    return done.then(() => stored);
  }

  private scheduleFlush(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      while (this.pending) {
        const batch = this.pending;
        this.pending = undefined;
        await this.writeBatch(batch);
      }
      this.flushing = undefined;
    })();
  }

  private async writeBatch(batch: PendingBatch): Promise<void> {
    const buffer = Buffer.from(batch.lines.join('\n') + '\n', 'utf8');
    try {
      if (this.failure) throw this.failure;
      await this.handle.write(buffer, 0, buffer.length, null);
      await this.handle.datasync();
      this.size += buffer.length;
      this.committed.push(...batch.events);
      for (const w of batch.waiters) w.resolve();
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      this.failure ??= error;
      // Leave the file as it was before this batch so a partial write never becomes a corrupt line.
      await this.handle.truncate(this.size).catch(() => undefined);
      for (const w of batch.waiters) w.reject(new DomainError('unavailable', `Saving the event failed: ${error.message}`));
    }
  }

  /** Waits for in-flight writes, closes the file and seals it when every line in it was validated and nothing failed. */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.handle.close();
    if (!this.failure && this.problems.length === 0) await writeSeal(this.file).catch(() => undefined);
  }
}
