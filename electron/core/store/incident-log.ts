// One incident's append-only JSONL event log: group-commit appends acknowledged only after fsync, crash recovery on open.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_SCHEMA_VERSION, IncidentEvent, type NewEvent } from '../../../shared/events';
import type { LogProblem } from '../../../shared/ipc';
import { DomainError } from '../../../shared/result';
import { PRIVATE_DIR_MODE, writeFileDurably } from '../base/durable-file';
import { parseLogYielding } from './parse-log';
import { SealedPrefix, type VerifiedChain } from './log-seal';
import { readFileShared } from './shared-digest';
import { chainHash, GENESIS_HASH, verifyChainInSlices, type ChainVerdict } from './hash-chain';
import { EventOffsets, LogLines } from './log-index';
import { openLogFile, type LogFile, type OpenLogFile } from './log-file';
import { readRecoveryReport, removeRecoveryReport, writeRecoveryReport } from './recovery-report';
import { isDiskFailure, writeBlockedProblem } from './write-blocked';

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

export class IncidentLog {
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
  /** The newest committed events, parsed (at most 1.25 × hotLimit; trimmed to hotLimit); `hot[0]` is the event at index offsets.length - hot.length. */
  private hot: IncidentEvent[];
  private readonly lines: LogLines;

  private constructor(
    readonly file: string,
    private readonly handle: LogFile,
    parsed: { events: IncidentEvent[]; offsets: EventOffsets; schemaFrom: number },
    private readonly hotLimit: number,
    private recoveryProblems: LogProblem[],
    private readonly quarantined: LogProblem[],
    private size: number,
    /** Undefined when a line is quarantined: a seal must never cover a line that failed validation. */
    private readonly sealed: SealedPrefix | undefined,
    private readonly now: () => Date,
    private readonly stamper?: EventStamper,
  ) {
    this.hot = parsed.events;
    this.offsets = parsed.offsets;
    this.lines = new LogLines(file, parsed.offsets, { from: parsed.schemaFrom, to: size });
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
    let bytes: Buffer;
    try {
      bytes = await readFileShared(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      bytes = Buffer.alloc(0);
    }
    // The seal's hash is checked in the thread pool while the prefix it claims is parsed with the cheap check; in the rare case
    // it does not match (the bytes changed since), the log is parsed again with full validation.
    const hotLimit = Math.max(1, options.hotEvents ?? HOT_EVENTS);
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
    const handle = await (options.openFile ?? openLogFile)(file);
    if (parsed.tornTail) {
      await handle.truncate(parsed.cleanLength);
      await handle.sync();
    }
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

  private readonly offsets: EventOffsets;

  /**
   * Every committed event, in order. While the log fits in its hot tail this is that array (free); beyond it, a full pass
   * parsing the older events from the file into a new array (hundreds of MB and seconds at a million events): prefer
   * projections, eventAt(), read() or readChunks().
   */
  get events(): readonly IncidentEvent[] {
    if (this.hot.length === this.offsets.length) return this.hot;
    const all: IncidentEvent[] = [];
    for (const chunk of this.readChunks()) for (const e of chunk) all.push(e);
    return all;
  }

  /** How many events are committed. */
  get eventCount(): number {
    return this.offsets.length;
  }

  /** The committed event with this seq, if any (from the hot tail, or read from the file). */
  eventAt(seq: number): IncidentEvent | undefined {
    const index = this.offsets.indexOf(seq);
    return index < 0 ? undefined : this.eventAtIndex(index);
  }

  /** The committed event at this position (0 = the first), if any. */
  eventAtIndex(index: number): IncidentEvent | undefined {
    if (index < 0 || index >= this.offsets.length) return undefined;
    const hotStart = this.offsets.length - this.hot.length;
    if (index >= hotStart) return this.hot[index - hotStart];
    for (const chunk of this.lines.events(index, index + 1, (i) => this.lineEnd(i))) return chunk[0];
    return undefined;
  }

  /** Position of the first committed event with seq ≥ `seq` (eventCount when none). */
  indexOfSeq(seq: number): number {
    return this.offsets.lowerBound(seq);
  }

  /** Seq of the oldest event held parsed in memory (older ones are read from the file); lastSeq + 1 when none is. */
  get inMemoryFromSeq(): number {
    return this.hot[0]?.seq ?? this.lastSeq + 1;
  }

  get firstEvent(): IncidentEvent | undefined {
    return this.eventAtIndex(0);
  }

  get lastEvent(): IncidentEvent | undefined {
    return this.hot.at(-1);
  }

  /** The byte after the line of the event with this seq; undefined when no event has it. */
  endOfSeq(seq: number): number | undefined {
    const index = this.offsets.indexOf(seq);
    return index < 0 ? undefined : this.lineEnd(index);
  }

  /** The byte after the line of the event at `index`. */
  private lineEnd(index: number): number {
    return index + 1 < this.offsets.length ? this.offsets.offsetAt(index + 1) : this.size;
  }

  /**
   * The committed events with fromSeq ≤ seq ≤ toSeq, in order, a chunk (an array of about a megabyte of lines) at a time: a full
   * pass holds one chunk, never the log. Events committed while iterating are included up to toSeq.
   */
  *readChunks(fromSeq = 1, toSeq = Infinity): Generator<IncidentEvent[]> {
    let index = this.offsets.lowerBound(fromSeq);
    while (index < this.offsets.length && this.offsets.seqAt(index) <= toSeq) {
      const hotStart = this.offsets.length - this.hot.length;
      if (index >= hotStart) {
        const end = Math.min(this.offsets.length, this.offsets.lowerBound(toSeq + 1));
        yield this.hot.slice(index - hotStart, end - hotStart);
        index = end;
        continue;
      }
      const end = Math.min(hotStart, this.offsets.lowerBound(toSeq + 1));
      for (const chunk of this.lines.events(index, end, (i) => this.lineEnd(i))) {
        yield chunk;
        index += chunk.length;
      }
    }
  }

  /** The events at positions [from, to) (clamped to the log), oldest first: a page, read from the file where it is not in the hot tail. */
  slice(from: number, to: number): IncidentEvent[] {
    const end = Math.min(to, this.offsets.length);
    if (from >= end) return [];
    const out: IncidentEvent[] = [];
    for (const chunk of this.readChunks(this.offsets.seqAt(Math.max(0, from)), this.offsets.seqAt(end - 1))) for (const e of chunk) out.push(e);
    return out;
  }

  /** The committed events with fromSeq ≤ seq ≤ toSeq, one at a time (see readChunks). */
  *read(fromSeq = 1, toSeq = Infinity): Generator<IncidentEvent> {
    for (const chunk of this.readChunks(fromSeq, toSeq)) yield* chunk;
  }

  /** Bytes of the log holding exactly the committed events. */
  get byteSize(): number {
    return this.size;
  }

  get lastSeq(): number {
    return this.offsets.length > 0 ? this.offsets.seqAt(this.offsets.length - 1) : 0;
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
      for (let i = 0, at = this.size; i < batch.events.length; i++) {
        this.offsets.push(batch.events[i]!.seq, at);
        at += Buffer.byteLength(batch.lines[i]!) + 1;
      }
      this.size += buffer.length;
      this.sealed?.extend(buffer);
      for (const e of batch.events) this.hot.push(e);
      if (this.hot.length >= this.hotLimit + Math.ceil(this.hotLimit / 4)) this.hot = this.hot.slice(this.hot.length - this.hotLimit);
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
