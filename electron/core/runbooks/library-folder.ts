// Reads every Markdown runbook under one folder (no symlinks, size-capped), re-parsing only files whose size or mtime changed.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseRunbook } from '../../../shared/runbooks/parse-runbook';
import type { ParsedRunbook, RunbookOrigin } from '../../../shared/runbooks/runbook';

export const MAX_RUNBOOK_BYTES = 1024 * 1024;
export const MAX_RUNBOOKS_PER_FOLDER = 5000;
const SKIPPED_FILES = new Set(['readme.md', 'changelog.md', 'contributing.md', 'license.md']);

export interface RunbookFile {
  origin: RunbookOrigin;
  root: string;
  /** Path inside the folder with forward slashes, e.g. `db/saturation.md`. */
  relPath: string;
  parsed: ParsedRunbook;
  /** First 12 hex digits of the SHA-256 of the file text. */
  contentHash: string;
  mtimeMs: number;
  size: number;
}

/** Markdown files under `root`, or undefined when the root itself cannot be read (unmounted, removed). */
async function markdownPaths(root: string): Promise<string[] | undefined> {
  const found: string[] = [];
  try {
    await readdir(root);
  } catch {
    return undefined;
  }
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (found.length >= MAX_RUNBOOKS_PER_FOLDER) return;
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      // Symlinks are never followed: a synced repository must not be able to show files from elsewhere on the laptop.
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && /\.md$/i.test(entry.name) && !SKIPPED_FILES.has(entry.name.toLowerCase())) found.push(full);
    }
  };
  await walk(root);
  return found;
}

function problemFile(origin: RunbookOrigin, root: string, relPath: string, message: string, mtimeMs: number, size: number): RunbookFile {
  const title = relPath.replace(/\.md$/i, '').split('/').pop() ?? relPath;
  return {
    origin,
    root,
    relPath,
    parsed: { frontMatter: { title }, body: '', bodyStartLine: 1, steps: [], problems: [{ message }] },
    contentHash: 'unreadable',
    mtimeMs,
    size,
  };
}

/** A folder of runbooks that remembers what it read, so rescans cost a stat per file. */
export class RunbookFolder {
  private cache = new Map<string, RunbookFile>();

  constructor(
    readonly origin: RunbookOrigin,
    readonly root: string,
  ) {}

  /** Rescans the folder; returns the files and whether anything changed since the last scan. */
  async scan(): Promise<{ files: RunbookFile[]; changed: boolean }> {
    const paths = await markdownPaths(this.root);
    // A folder that went away (network share unmounted) keeps showing what was read before.
    if (paths === undefined) return { files: [...this.cache.values()], changed: false };
    const next = new Map<string, RunbookFile>();
    let changed = paths.length !== this.cache.size;
    for (const full of paths) {
      const relPath = relative(this.root, full).split(sep).join('/');
      let info;
      try {
        info = await stat(full);
      } catch {
        changed = true;
        continue;
      }
      const cached = this.cache.get(full);
      if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) {
        next.set(full, cached);
        continue;
      }
      changed = true;
      next.set(full, await this.read(full, relPath, info.mtimeMs, info.size));
    }
    this.cache = next;
    return { files: [...next.values()], changed };
  }

  private async read(full: string, relPath: string, mtimeMs: number, size: number): Promise<RunbookFile> {
    if (size > MAX_RUNBOOK_BYTES) {
      return problemFile(this.origin, this.root, relPath, `The file is ${Math.round(size / 1024)} KB; runbooks are limited to ${MAX_RUNBOOK_BYTES / 1024} KB.`, mtimeMs, size);
    }
    let text: string;
    try {
      text = await readFile(full, 'utf8');
    } catch (e) {
      return problemFile(this.origin, this.root, relPath, `The file could not be read: ${(e as Error).message}`, mtimeMs, size);
    }
    const contentHash = createHash('sha256').update(text).digest('hex').slice(0, 12);
    return { origin: this.origin, root: this.root, relPath, parsed: parseRunbook(text, relPath.split('/').pop() ?? relPath), contentHash, mtimeMs, size };
  }
}
