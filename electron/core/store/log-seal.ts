// The seal beside a log: the length and sha256 of a prefix whose every line was fully validated. Reopening checks the hash
// (cheap) instead of re-validating every payload (the load-time goal is ≤ 1.5× a raw JSON.parse); only bytes after the
// sealed prefix get the full schema. Any change inside the prefix changes the hash and voids the seal.
//
// The seal also records how far the hash chain was verified ({ size, seq, head }): the chain of a prefix the seal covers was
// checked and the bytes have not changed since (the seal's sha256 says so), so on the next start only events after it are hashed.
import { createHash, type Hash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { writeFileDurably } from '../base/durable-file';
import { digestOffThread } from './shared-digest';

export const sealFileOf = (logFile: string): string => `${logFile}.seal`;

/** The hash chain was verified for the events in the first `size` bytes; the last of them is #`seq`, whose hash is `head`. */
export interface VerifiedChain {
  size: number;
  seq: number;
  head: string;
}

interface Seal {
  size: number;
  sha256: string;
  chain?: VerifiedChain;
}

const isVerifiedChain = (c: unknown, sealSize: number): c is VerifiedChain => {
  const v = c as Partial<VerifiedChain> | undefined;
  return typeof v?.size === 'number' && v.size > 0 && v.size <= sealSize && typeof v.seq === 'number' && typeof v.head === 'string' && /^[0-9a-f]{64}$/.test(v.head);
};

const NEWLINE = 0x0a;

/** A seal read from disk whose hash is being checked off the main thread, so the log can be parsed meanwhile (see claim()). */
export interface SealClaim {
  /** Bytes the seal claims (0 without a usable seal): parse them with the cheap check, then await confirm(). */
  length: number;
  /** Resolves with the prefix the seal really covers: `length` bytes when the hash matched, else none. */
  confirm(): Promise<SealedPrefix>;
}

/** Bytes read and hashed per slice while the running hash catches up with bytes validated on open (keeps the event loop responsive). */
const CATCH_UP_SLICE = 4 * 1024 * 1024;
/** How long after open the running hash starts catching up on its own (a seal write starts it at once). */
const CATCH_UP_DELAY_MS = 5000;

/**
 * Bytes of the log validated on open, named by their place in the file and their sha256 rather than held in memory (at a
 * million events the log is ≈ 250 MB): the catch-up reads them back and folds them in only if they still hash the same.
 */
interface FileRange {
  file: string;
  from: number;
  length: number;
  sha256: string;
}

/**
 * The validated prefix of a log as a running hash: it only ever grows by bytes this process validated (on open) or wrote
 * itself (on append), so bytes another writer appended are never sealed. What was validated on open is folded into the running
 * hash in slices in the background, read back from the file and checked against the digest taken when it was validated (if the
 * file changed meanwhile, this process writes no seal again); extensions queue behind it, and write() waits for it.
 */
export class SealedPrefix {
  private writtenChain: VerifiedChain | undefined;
  private readonly queue: (Uint8Array | FileRange)[] = [];
  private catchingUp: Promise<void> | undefined;
  /** The bytes read back no longer hash as validated: the running hash is worthless, nothing may be sealed. */
  private broken = false;
  private released = false;

  private constructor(
    private readonly hash: Hash,
    private size: number,
    private sealedSize: number,
    /** How far the chain was verified, as the seal on disk said; only ever within the valid sealed prefix. */
    readonly chain?: VerifiedChain,
    confirmed?: FileRange,
  ) {
    this.writtenChain = chain;
    if (confirmed) this.queue.push(confirmed);
  }

  private catchUpTimer: NodeJS.Timeout | undefined;

  private startCatchUp(): Promise<void> | undefined {
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = undefined;
    if (!this.catchingUp && this.queue.length > 0) this.catchingUp = Promise.resolve().then(() => this.catchUp());
    return this.catchingUp;
  }

  /** Starts the catch-up later on its own (not on the open path: only the next seal write needs it, and starts it sooner). */
  private catchUpLater(): void {
    if (this.catchUpTimer || this.catchingUp || this.released) return;
    this.catchUpTimer = setTimeout(() => void this.startCatchUp(), CATCH_UP_DELAY_MS);
    this.catchUpTimer.unref?.();
  }

  private async catchUp(): Promise<void> {
    try {
      while (this.queue.length > 0 && !this.released) {
        const next = this.queue.shift()!;
        if (next instanceof Uint8Array) this.hash.update(next);
        else if (!this.broken && !(await this.foldRange(next))) this.broken = true;
      }
    } catch {
      this.broken = true; // the file could not be read back: seal nothing rather than something unchecked
    } finally {
      this.catchingUp = undefined;
    }
  }

  /** Reads `range` back from the file into the running hash; false when the bytes no longer hash as they did when validated. */
  private async foldRange(range: FileRange): Promise<boolean> {
    // The range the seal confirmed starts the running hash: its digest so far is the check, no second hash is needed.
    const check = range.from === 0 ? undefined : createHash('sha256');
    const handle = await open(range.file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(Math.min(CATCH_UP_SLICE, range.length));
      for (let at = 0; at < range.length && !this.released; ) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, range.length - at), range.from + at);
        if (bytesRead <= 0) return false;
        const slice = buffer.subarray(0, bytesRead);
        this.hash.update(slice);
        check?.update(slice);
        at += bytesRead;
      }
    } finally {
      await handle.close();
    }
    return (check ?? this.hash.copy()).digest('hex') === range.sha256;
  }

  /**
   * Reads the seal beside `logFile` and starts checking it against `bytes` (the whole log as read on open) off this thread when
   * large (shared-digest.ts), so the caller can parse the claimed prefix at the same time instead of first hashing it.
   */
  static async claim(logFile: string, bytes: Buffer): Promise<SealClaim> {
    const none: SealClaim = { length: 0, confirm: () => Promise.resolve(new SealedPrefix(createHash('sha256'), 0, 0)) };
    let seal: Partial<Seal>;
    try {
      seal = JSON.parse(await readFile(sealFileOf(logFile), 'utf8')) as Partial<Seal>;
    } catch {
      return none; // no seal, or a torn one: nothing is trusted
    }
    const size = seal.size;
    if (typeof size !== 'number' || typeof seal.sha256 !== 'string' || !(size > 0) || size > bytes.length || bytes[size - 1] !== NEWLINE) return none;
    const digest = digestOffThread(bytes.subarray(0, size)).catch(() => undefined);
    return {
      length: size,
      confirm: async () => {
        if ((await digest) !== seal.sha256) return none.confirm();
        const confirmed = { file: logFile, from: 0, length: size, sha256: seal.sha256 as string };
        return new SealedPrefix(createHash('sha256'), size, size, isVerifiedChain(seal.chain, size) ? seal.chain : undefined, confirmed);
      },
    };
  }

  /** Reads the seal beside `logFile` and checks it against `bytes` (the whole log as read on open). */
  static async read(logFile: string, bytes: Buffer): Promise<SealedPrefix> {
    return (await SealedPrefix.claim(logFile, bytes)).confirm();
  }

  /** The log was closed and its last seal written: stop catching up (nothing will read the running hash again). */
  release(): void {
    this.released = true;
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = undefined;
    this.queue.length = 0;
  }

  /** Bytes at the start of the log that a valid seal covers. */
  get length(): number {
    return this.size;
  }

  /** Bytes the seal on disk covers: the last one this process wrote, or the one it confirmed on open. */
  get writtenLength(): number {
    return this.sealedSize;
  }

  /** Extends the prefix by `bytes`, which must directly follow it in the log and have been validated or written by this process. */
  extend(bytes: Uint8Array): void {
    if (this.catchingUp || this.queue.length > 0) this.queue.push(Buffer.from(bytes));
    else this.hash.update(bytes);
    this.size += bytes.length;
  }

  /**
   * Extends the prefix by the `length` bytes of `logFile` that follow it, validated on open; `bytes` are those bytes as read then
   * (hashed now, not kept: they are read back when the running hash catches up, which starts a few seconds later on its own).
   */
  extendFromFile(logFile: string, bytes: Uint8Array): void {
    if (bytes.length > 0) this.queue.push({ file: logFile, from: this.size, length: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    this.size += bytes.length;
    if (this.queue.length > 0) this.catchUpLater();
  }

  /**
   * Writes the seal when the prefix grew (or the verified chain moved) since it was last written; a kill leaves the old seal or
   * the new one, never half. `chain` is recorded only within the prefix written now.
   */
  async write(logFile: string, chain?: VerifiedChain): Promise<void> {
    const recorded = chain && chain.size <= this.size ? chain : undefined;
    if (this.size <= 0 || (this.size === this.sealedSize && recorded?.size === this.writtenChain?.size)) return;
    for (let pending = this.startCatchUp(); pending; pending = this.startCatchUp()) await pending;
    if (this.broken || this.released) return;
    const size = this.size;
    const seal: Seal = { size, sha256: this.hash.copy().digest('hex'), ...(recorded ? { chain: { ...recorded } } : {}) };
    await writeFileDurably(sealFileOf(logFile), JSON.stringify(seal));
    this.sealedSize = seal.size;
    this.writtenChain = seal.chain;
  }
}

/** The number of leading bytes covered by a valid seal (ending on a line boundary), or 0. */
export async function sealedLength(logFile: string, bytes?: Buffer): Promise<number> {
  return (await SealedPrefix.read(logFile, bytes ?? (await readFile(logFile).catch(() => Buffer.alloc(0))))).length;
}
