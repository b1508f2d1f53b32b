// One incident's append-only JSONL event log: group-commit appends acknowledged only after fsync, crash recovery on open
// (recover-log.ts), the seal and hash-chain verification. Reading committed events is in its base class (committed-events.ts).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_SCHEMA_VERSION, IncidentEvent, type NewEvent } from '../../../shared/events';
import type { LogProblem } from '../../../shared/ipc';
import { DomainError } from '../../../shared/result';
import { PRIVATE_DIR_MODE } from '../base/durable-file';
import type { SealedPrefix, VerifiedChain } from './log-seal';
import { chainHash, GENESIS_HASH, verifyChainInSlices, type ChainVerdict } from './hash-chain';
import type { EventOffsets } from './log-index';
import { openLogFile, type LogFile, type OpenLogFile } from './log-file';
import { removeRecoveryReport } from './recovery-report';
import { isDiskFailure, writeBlockedProblem } from './write-blocked';
import { CommittedEvents } from './committed-events';
import { recoverLogFile } from './recover-log';

export const LOG_FILE = 'events.jsonl';

/** While appending, the seal is rewritten at most this often, so after a crash only the last moments' events need full validation. */
const SEAL_INTERVAL_MS = 2000;

/**
 * Parsed events the log keeps in memory: the newest this many (the ones requests ask for most: the tail a page, an undo or a
 * retried request reads). Older events are read back from the file by offset (log-index.ts). A parsed event costs ≈ 350
 * bytes of heap, so this tail is ≈ 11 MB, and at most a quarter more between trims. It was 131,072 (and trimmed at twice
 * that: up to ≈ 90 MB at a million events) while the start-time passes after a crash folded the whole log; they now resume
 * from the projection snapshot (projection-snapshot.ts) and read only the events after it, which are in this tail. Host
 * start with a 100k-event incident measured the same with 131,072, 65,536 and 32,768 (bench/core-open.bench.ts).
 */
export const HOT_EVENTS = 32_768;

/** What a chain verification checked: `verdict`, and how many events it hashed (those after the recorded verified prefix). */
export interface ChainCheck {
  verdict: ChainVerdict;
  hashed: number;
}

export interface IncidentLogOptions {
  /** The file layer; tests pass one that writes short or fails like a full disk. */
  openFile?: OpenLogFile;
  now?: () => Date;
  /** Team sync: gives each event this laptop writes its global id and clock (events received from others already carry theirs). */
  stamp?: EventStamper;
  /** How many of the newest parsed events stay in memory (HOT_EVENTS); tests make it small to read the rest from the file. */
  hotEvents?: number;
}

/** Gives a new local event its global id and hybrid logical clock; sees received events so the clock stays ahead of them. */
export interface EventStamper {
  /** Nothing while sync is off. */
  stamp(seq: number): { id?: string; hlc?: string };
  received(hlc: string): void;
}

interface PendingBatch {
  lines: string[];
  events: IncidentEvent[];
  waiters: { resolve: () => void; reject: (e: Error) => void }[];
}

export class IncidentLog extends CommittedEvents {
  private pending: PendingBatch | undefined;
  private flushing: Promise<void> | undefined;
  /** The file may hold bytes that are not in `committed` (a cut-back failed): nothing more may be written until reopened. */
  private failure: Error | undefined;
  /** The disk refused the last write (full or failing); the file is exactly `committed`, and the next append retries. */
  private blocked: LogProblem | undefined;
  private nextSeq: number;
  private lastHash: string;
  private lastSavedAt: Date;
  /** How far the hash chain is known good: read from the seal, moved by verifyChain() and by this process's own appends. */
  private verifiedChain: VerifiedChain | undefined;
  private sealTimer: NodeJS.Timeout | undefined;
  private sealing: Promise<void> | undefined;
  private closed = false;

  private constructor(
    file: string,
    private readonly handle: LogFile,
    parsed: { events: IncidentEvent[]; offsets: EventOffsets; schemaFrom: number },
    hotLimit: number,
    private recoveryProblems: LogProblem[],
    private readonly quarantined: LogProblem[],
    size: number,
    /** Undefined when a line is quarantined: a seal must never cover a line that failed validation. */
    private readonly sealed: SealedPrefix | undefined,
    private readonly now: () => Date,
    private readonly stamper?: EventStamper,
  ) {
    super(file, parsed, hotLimit, size);
    const last = this.hot.at(-1);
    this.nextSeq = (last?.seq ?? 0) + 1;
    this.lastHash = last?.h ?? GENESIS_HASH;
    const lastTs = Date.parse(last?.ts ?? '');
    this.lastSavedAt = Number.isNaN(lastTs) ? now() : new Date(lastTs);
    this.verifiedChain = sealed?.chain;
  }

  /** Opens (creating if needed) the log in `dir`, truncating a torn tail after saving it aside and recording a report of it. */
  static async open(dir: string, options: IncidentLogOptions = {}): Promise<IncidentLog> {
    const now = options.now ?? (() => new Date());
    await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const file = join(dir, LOG_FILE);
    const hotLimit = Math.max(1, options.hotEvents ?? HOT_EVENTS);
    const { handle, parsed, recovery, quarantined, sealed, trustedBytes } = await recoverLogFile(dir, file, hotLimit, options.openFile ?? openLogFile, now);
    const log = new IncidentLog(file, handle, { ...parsed, schemaFrom: trustedBytes }, hotLimit, recovery, quarantined, parsed.cleanLength, sealed, now, options.stamp);
    log.trusted = trustedBytes;
    log.scheduleSeal();
    return log;
  }

  private trusted = 0;

  /** How many leading bytes a valid seal covered when the log was opened: bytes a Firebreak process validated or wrote, unchanged since. */
  get trustedAtOpen(): number {
    return this.trusted;
  }

  /** What recovery reported (until acknowledged) and every quarantined line. */
  get problems(): readonly LogProblem[] {
    return [...this.recoveryProblems, ...this.quarantined];
  }

  /** Set while the disk refuses writes: the incident is read-only and the cockpit shows this message. */
  get writeProblem(): LogProblem | undefined {
    return this.blocked;
  }

  /** The user has seen the recovery report: remove it from disk and from the problems. */
  async acknowledgeRecovery(): Promise<void> {
    await removeRecoveryReport(join(this.file, '..'));
    this.recoveryProblems = [];
  }

  /**
   * Validates and appends events; resolves with the stored events once they are on disk (fsynced).
   * Appends arriving while a write is in flight are batched into the next single write + fsync.
   */
  append(newEvents: readonly NewEvent[]): Promise<IncidentEvent[]> {
    if (this.failure) {
      return Promise.reject(new DomainError('unavailable', `The incident log cannot be written: ${this.failure.message}. Restart Firebreak to recover.`));
    }
    const now = this.now().toISOString();
    const stored: IncidentEvent[] = [];
    for (const e of newEvents) {
      const candidate = {
        v: EVENT_SCHEMA_VERSION,
        seq: this.nextSeq + stored.length,
        ts: e.ts ?? now,
        actor: e.actor,
        ...(e.actorIdentity !== undefined ? { actorIdentity: e.actorIdentity } : {}),
        type: e.type,
        payload: e.payload,
        ...(e.rid !== undefined ? { rid: e.rid } : {}),
        ...this.stampOf(e, this.nextSeq + stored.length),
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

  private stampOf(e: NewEvent, seq: number): { id?: string; hlc?: string } {
    if (e.id !== undefined) {
      if (e.hlc !== undefined) this.stamper?.received(e.hlc);
      return { id: e.id, ...(e.hlc !== undefined ? { hlc: e.hlc } : {}) };
    }
    return this.stamper?.stamp(seq) ?? {};
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
      // A write may take fewer bytes than asked (a nearly full disk); keep going until all are written or the disk refuses.
      for (let offset = 0; offset < buffer.length; ) {
        const written = await this.handle.write(buffer, offset, buffer.length - offset);
        if (written <= 0) throw Object.assign(new Error('the disk accepted no more bytes'), { code: 'ENOSPC' });
        offset += written;
      }
      await this.handle.datasync();
      const chainReachedEnd = this.verifiedChain?.size === this.size;
      this.addCommitted(batch.events, batch.lines, buffer.length);
      this.sealed?.extend(buffer);
      // Events this process hashed itself extend a chain that was verified up to the end of the file.
      const last = batch.events.at(-1);
      if (chainReachedEnd && last?.h) this.verifiedChain = { size: this.size, seq: last.seq, head: last.h };
      this.scheduleSeal();
      this.lastSavedAt = this.now();
      this.blocked = undefined;
      for (const w of batch.waiters) w.resolve();
    } catch (e) {
      await this.fail(batch, e instanceof Error ? e : new Error(String(e)));
    }
  }

  /**
   * Nothing of a failed batch is acknowledged: its partial bytes are cut back to the last good offset, and the batches queued
   * behind it (whose sequence numbers and hashes follow it) fail too, so the next append continues from the last saved event.
   */
  private async fail(batch: PendingBatch, error: Error): Promise<void> {
    const queued = this.pending;
    this.pending = undefined;
    // Synchronously, so an append arriving during the cut-back already continues from the last saved event.
    this.nextSeq = this.lastSeq + 1;
    this.lastHash = this.lastEvent?.h ?? GENESIS_HASH;
    const cutBack = await this.handle
      .truncate(this.size)
      .then(() => this.handle.sync())
      .then(
        () => true,
        () => false,
      );
    let reason: DomainError;
    if (cutBack && !this.failure && isDiskFailure(error)) {
      this.blocked = writeBlockedProblem(this.file, error, this.lastSavedAt);
      reason = new DomainError('unavailable', this.blocked.message);
    } else {
      this.failure ??= error;
      reason = new DomainError('unavailable', `Saving the event failed: ${error.message}. Restart Firebreak to recover.`);
    }
    for (const w of [...batch.waiters, ...(queued?.waiters ?? [])]) w.reject(reason);
  }

  /**
   * Verifies the hash chain of the committed events, hashing only those after the verified prefix recorded in the seal (all of
   * them when there is none); on success the new verified prefix is recorded in the seal. Appends may continue meanwhile.
   */
  async verifyChain(sliceSize?: number): Promise<ChainCheck> {
    const count = this.offsets.length;
    const size = this.size;
    const lastSeq = this.lastSeq;
    const known = this.verifiedChain;
    let from = 0;
    let previous = GENESIS_HASH;
    if (known) {
      const at = this.offsets.indexOf(known.seq);
      // The recorded head must be the hash the event at that position carries; otherwise trust nothing and start over.
      if (at >= 0 && this.eventAtIndex(at)?.h === known.head) {
        from = at + 1;
        previous = known.head;
      }
    }
    // A chunk at a time (read from the file beyond the hot tail), each hashed in slices that yield to requests.
    let verdict: ChainVerdict = { ok: true, head: previous };
    const fromSeq = from < count ? this.offsets.seqAt(from) : Infinity;
    for (const chunk of this.readChunks(fromSeq, lastSeq)) {
      verdict = await verifyChainInSlices(chunk, sliceSize, previous);
      if (!verdict.ok) break;
      previous = verdict.head;
    }
    if (verdict.ok && count > 0 && !this.failure && (this.verifiedChain?.size ?? 0) <= size) {
      this.verifiedChain = { size, seq: lastSeq, head: verdict.head };
      // Appends that landed while verifying were hashed by this process: they follow the verified prefix directly.
      const last = this.lastEvent;
      if (this.offsets.length > count && last?.h) this.verifiedChain = { size: this.size, seq: last.seq, head: last.h };
      this.scheduleSeal();
    }
    return { verdict, hashed: count - from };
  }

  /** How far the chain is known good (tests and diagnostics). */
  get chainVerifiedThrough(): VerifiedChain | undefined {
    return this.verifiedChain;
  }

  /** Writes the seal now rather than on its timer (a snapshot of projections is about to rely on it); answers the bytes it covers. */
  async sealNow(): Promise<number> {
    if (this.sealTimer) clearTimeout(this.sealTimer);
    this.sealTimer = undefined;
    await this.writeSeal();
    return this.sealed?.writtenLength ?? 0;
  }

  private scheduleSeal(delayMs = SEAL_INTERVAL_MS): void {
    if (this.sealTimer || !this.sealed || this.closed) return;
    this.sealTimer = setTimeout(() => {
      this.sealTimer = undefined;
      void this.writeSeal();
    }, delayMs);
    this.sealTimer.unref?.();
  }

  private async writeSeal(): Promise<void> {
    while (this.sealing) await this.sealing;
    if (this.failure || !this.sealed) return;
    this.sealing = this.sealed.write(this.file, this.verifiedChain).catch(() => undefined);
    await this.sealing;
    this.sealing = undefined;
  }

  /** Waits for in-flight writes, closes the file and seals what this process validated or wrote (never bytes it did not). */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.closed = true;
    if (this.sealTimer) clearTimeout(this.sealTimer);
    this.sealTimer = undefined;
    await this.handle.close();
    this.lines.close();
    await this.writeSeal();
    this.sealed?.release();
  }
}
