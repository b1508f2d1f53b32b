// The seal beside a log: the length and sha256 of a prefix whose every line was fully validated. Reopening checks the hash
// (cheap) instead of re-validating every payload (the load-time goal is ≤ 1.5× a raw JSON.parse); only bytes after the
// sealed prefix get the full schema. Any change inside the prefix changes the hash and voids the seal.
//
// The seal also records how far the hash chain was verified ({ size, seq, head }): the chain of a prefix the seal covers was
// checked and the bytes have not changed since (the seal's sha256 says so), so on the next start only events after it are hashed.
import { createHash, webcrypto, type Hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileDurably } from '../base/durable-file';

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

/** Bytes hashed per slice while the running hash catches up with a prefix confirmed on open (keeps the event loop responsive). */
const CATCH_UP_SLICE = 4 * 1024 * 1024;
/** How long after open the running hash starts catching up on its own (a seal write starts it at once). */
const CATCH_UP_DELAY_MS = 5000;

/**
 * The validated prefix of a log as a running hash: it only ever grows by bytes this process validated (on open) or wrote
 * itself (on append), never by re-reading the file, so bytes another writer appended are never sealed. A prefix confirmed on
 * open is folded into the running hash in slices in the background; extensions queue behind it, and write() waits for it.
 */
export class SealedPrefix {
  private writtenChain: VerifiedChain | undefined;
  private readonly queue: Uint8Array[] = [];
  private catchingUp: Promise<void> | undefined;

  private constructor(
    private readonly hash: Hash,
    private size: number,
    private sealedSize: number,
    /** How far the chain was verified, as the seal on disk said; only ever within the valid sealed prefix. */
    readonly chain?: VerifiedChain,
    confirmed?: Uint8Array,
  ) {
    this.writtenChain = chain;
    if (confirmed) {
      this.queue.push(confirmed);
      // Not on the open path: the running hash is needed only for the next seal write, which starts it sooner if it comes first.
      this.catchUpTimer = setTimeout(() => this.startCatchUp(), CATCH_UP_DELAY_MS);
      this.catchUpTimer.unref?.();
    }
  }

  private catchUpTimer: NodeJS.Timeout | undefined;

  private startCatchUp(): Promise<void> | undefined {
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = undefined;
    if (!this.catchingUp && this.queue.length > 0) this.catchingUp = Promise.resolve().then(() => this.catchUp());
    return this.catchingUp;
  }

  private async catchUp(): Promise<void> {
    while (this.queue.length > 0) {
      const next = this.queue.shift()!;
      for (let at = 0; at < next.length; at += CATCH_UP_SLICE) {
        this.hash.update(next.subarray(at, at + CATCH_UP_SLICE));
        if (at + CATCH_UP_SLICE < next.length) await new Promise((r) => setImmediate(r));
      }
    }
    this.catchingUp = undefined;
  }

  /**
   * Reads the seal beside `logFile` and starts checking it against `bytes` (the whole log as read on open) in the thread pool,
   * so the caller can parse the claimed prefix at the same time instead of first hashing it on the main thread.
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
    const prefix = bytes.subarray(0, size);
    const digest = webcrypto.subtle.digest('SHA-256', prefix).then(
      (d) => Buffer.from(d).toString('hex'),
      () => undefined,
    );
    return {
      length: size,
      confirm: async () => {
        if ((await digest) !== seal.sha256) return none.confirm();
        return new SealedPrefix(createHash('sha256'), size, size, isVerifiedChain(seal.chain, size) ? seal.chain : undefined, prefix);
      },
    };
  }

  /** Reads the seal beside `logFile` and checks it against `bytes` (the whole log as read on open). */
  static async read(logFile: string, bytes: Buffer): Promise<SealedPrefix> {
    return (await SealedPrefix.claim(logFile, bytes)).confirm();
  }

  /** The log was closed and its last seal written: stop catching up (nothing will read the running hash again). */
  release(): void {
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = undefined;
    this.queue.length = 0;
  }

  /** Bytes at the start of the log that a valid seal covers. */
  get length(): number {
    return this.size;
  }

  /** Extends the prefix by `bytes`, which must directly follow it in the log and have been validated or written by this process. */
  extend(bytes: Uint8Array): void {
    if (this.catchingUp || this.queue.length > 0) this.queue.push(bytes);
    else this.hash.update(bytes);
    this.size += bytes.length;
  }

  /**
   * Writes the seal when the prefix grew (or the verified chain moved) since it was last written; a kill leaves the old seal or
   * the new one, never half. `chain` is recorded only within the prefix written now.
   */
  async write(logFile: string, chain?: VerifiedChain): Promise<void> {
    const recorded = chain && chain.size <= this.size ? chain : undefined;
    if (this.size <= 0 || (this.size === this.sealedSize && recorded?.size === this.writtenChain?.size)) return;
    for (let pending = this.startCatchUp(); pending; pending = this.startCatchUp()) await pending;
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
