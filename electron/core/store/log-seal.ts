// The seal written beside a log at a clean close: size and mtime of bytes that were fully validated, so a clean reopen can skip
// re-validating every payload (the load-time goal is ≤ 1.5× a raw JSON.parse). Any change to the file breaks the seal.
import { readFile, stat, writeFile } from 'node:fs/promises';

export const sealFileOf = (logFile: string): string => `${logFile}.seal`;

interface Seal {
  size: number;
  mtimeMs: number;
}

/** Returns the number of leading bytes covered by a valid seal, or 0. */
export async function sealedLength(logFile: string): Promise<number> {
  try {
    const seal = JSON.parse(await readFile(sealFileOf(logFile), 'utf8')) as Partial<Seal>;
    const current = await stat(logFile);
    return seal.size === current.size && seal.mtimeMs === current.mtimeMs ? current.size : 0;
  } catch {
    return 0;
  }
}

export async function writeSeal(logFile: string): Promise<void> {
  const current = await stat(logFile);
  const seal: Seal = { size: current.size, mtimeMs: current.mtimeMs };
  await writeFile(sealFileOf(logFile), JSON.stringify(seal));
}
