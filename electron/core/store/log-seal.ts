// The seal beside a log: the length and sha256 of a prefix whose every line was fully validated. Reopening checks the hash
// (cheap) instead of re-validating every payload (the load-time goal is ≤ 1.5× a raw JSON.parse); only bytes after the
// sealed prefix get the full schema. Any change inside the prefix changes the hash and voids the seal.
//
// The seal also records how far the hash chain was verified ({ size, seq, head }): the chain of a prefix the seal covers was
// checked and the bytes have not changed since (the seal's sha256 says so), so on the next start only events after it are hashed.
import { createHash, type Hash } from 'node:crypto';
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

/**
 * The validated prefix of a log as a running hash: it only ever grows by bytes this process validated (on open) or wrote
 * itself (on append), never by re-reading the file, so bytes another writer appended are never sealed.
 */
export class SealedPrefix {
  private writtenChain: VerifiedChain | undefined;

  private constructor(
    private readonly hash: Hash,
    private size: number,
    private sealedSize: number,
    /** How far the chain was verified, as the seal on disk said; only ever within the valid sealed prefix. */
    readonly chain?: VerifiedChain,
  ) {
    this.writtenChain = chain;
  }

  /** Reads the seal beside `logFile` and checks it against `bytes` (the whole log as read on open). */
  static async read(logFile: string, bytes: Buffer): Promise<SealedPrefix> {
    const hash = createHash('sha256');
    try {
      const seal = JSON.parse(await readFile(sealFileOf(logFile), 'utf8')) as Partial<Seal>;
      if (typeof seal.size === 'number' && typeof seal.sha256 === 'string' && seal.size > 0 && seal.size <= bytes.length && bytes[seal.size - 1] === NEWLINE) {
        const candidate = hash.copy().update(bytes.subarray(0, seal.size));
        if (candidate.copy().digest('hex') === seal.sha256) {
          return new SealedPrefix(candidate, seal.size, seal.size, isVerifiedChain(seal.chain, seal.size) ? seal.chain : undefined);
        }
      }
    } catch {
      /* no seal, or a torn one: nothing is trusted */
    }
    return new SealedPrefix(hash, 0, 0);
  }

  /** Bytes at the start of the log that a valid seal covers. */
  get length(): number {
    return this.size;
  }

  /** Extends the prefix by `bytes`, which must directly follow it in the log and have been validated or written by this process. */
  extend(bytes: Uint8Array): void {
    this.hash.update(bytes);
    this.size += bytes.length;
  }

  /**
   * Writes the seal when the prefix grew (or the verified chain moved) since it was last written; a kill leaves the old seal or
   * the new one, never half. `chain` is recorded only within the prefix written now.
   */
  async write(logFile: string, chain?: VerifiedChain): Promise<void> {
    const recorded = chain && chain.size <= this.size ? chain : undefined;
    if (this.size <= 0 || (this.size === this.sealedSize && recorded?.size === this.writtenChain?.size)) return;
    const seal: Seal = { size: this.size, sha256: this.hash.copy().digest('hex'), ...(recorded ? { chain: { ...recorded } } : {}) };
    await writeFileDurably(sealFileOf(logFile), JSON.stringify(seal));
    this.sealedSize = seal.size;
    this.writtenChain = seal.chain;
  }
}

/** The number of leading bytes covered by a valid seal (ending on a line boundary), or 0. */
export async function sealedLength(logFile: string, bytes?: Buffer): Promise<number> {
  return (await SealedPrefix.read(logFile, bytes ?? (await readFile(logFile).catch(() => Buffer.alloc(0))))).length;
}
