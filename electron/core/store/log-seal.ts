// The seal beside a log: the length and sha256 of a prefix whose every line was fully validated. Reopening checks the hash
// (cheap) instead of re-validating every payload (the load-time goal is ≤ 1.5× a raw JSON.parse); only bytes after the
// sealed prefix get the full schema. Any change inside the prefix changes the hash and voids the seal.
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';

export const sealFileOf = (logFile: string): string => `${logFile}.seal`;

interface Seal {
  size: number;
  sha256: string;
}

const NEWLINE = 0x0a;
const digest = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The number of leading bytes covered by a valid seal (ending on a line boundary), or 0. */
export async function sealedLength(logFile: string, bytes?: Buffer): Promise<number> {
  try {
    const seal = JSON.parse(await readFile(sealFileOf(logFile), 'utf8')) as Partial<Seal>;
    const data = bytes ?? (await readFile(logFile));
    if (typeof seal.size !== 'number' || typeof seal.sha256 !== 'string' || seal.size <= 0 || seal.size > data.length) return 0;
    if (data[seal.size - 1] !== NEWLINE) return 0;
    return digest(data.subarray(0, seal.size)) === seal.sha256 ? seal.size : 0;
  } catch {
    return 0;
  }
}

/** Seals the first `length` bytes (default: the whole file). Written to a temp file and renamed, so a kill leaves the old seal or the new one. */
export async function writeSeal(logFile: string, bytes?: Buffer, length?: number): Promise<void> {
  const data = bytes ?? (await readFile(logFile));
  const size = length ?? data.length;
  if (size <= 0) return;
  const seal: Seal = { size, sha256: digest(data.subarray(0, size)) };
  const temp = `${sealFileOf(logFile)}.tmp`;
  await writeFile(temp, JSON.stringify(seal));
  await rename(temp, sealFileOf(logFile));
}
