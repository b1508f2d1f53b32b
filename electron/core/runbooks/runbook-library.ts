// The runbook library: bundled defaults, the user's folder and a synced git library or folder, indexed for instant search.
import { cp, mkdir, stat } from 'node:fs/promises';
import { moveDurably, writeFileDurably } from '../base/durable-file';
import { restrictToOwner } from '../base/owner-only';
import { isAbsolute, join } from 'node:path';
import type { LibraryStatus, RunbookDetail, RunbookSearchHit, SyncSource } from '../../../shared/ipc/runbooks';
import { facetsOf, matchesFilter, type RunbookFacets, type RunbookFilter } from '../../../shared/runbooks/library-filter';
import type { RunbookOrigin, RunbookSummary } from '../../../shared/runbooks/runbook';
import { RunbookSearchIndex } from '../../../shared/runbooks/search-index';
import { DomainError } from '../../../shared/result';
import { isClone, originUrl, runGit, syncGitLibrary } from './git-sync';
import { RunbookFolder, type RunbookFile } from './library-folder';
import { readLibrarySettings, writeLibrarySettings, type LibrarySettings } from './library-settings';
import { renderRunbookHtml } from './render-markdown';

export const LOCAL_FOLDER = 'runbooks';
export const GIT_FOLDER = 'runbook-library';
const SEED_MARKER = 'runbooks-seeded.json';

export interface LibraryEntry {
  summary: RunbookSummary;
  file: RunbookFile;
}

export interface LibraryOptions {
  dataDir: string;
  assetsDir: string;
  now?: () => Date;
}

/** Copies the bundled runbooks into the user's folder once; deleting or editing them later is respected. */
async function seedLocalFolder(dataDir: string, assetsDir: string): Promise<void> {
  const marker = join(dataDir, SEED_MARKER);
  if (await stat(marker).then(() => true, () => false)) return;
  const bundled = join(assetsDir, 'runbooks');
  await mkdir(join(dataDir, LOCAL_FOLDER), { recursive: true });
  if (await stat(bundled).then(() => true, () => false)) {
    await cp(bundled, join(dataDir, LOCAL_FOLDER), { recursive: true, force: false, errorOnExist: false });
    // cp keeps the modes of the shipped files; the user's copies are private like everything else in the data directory.
    await restrictToOwner(join(dataDir, LOCAL_FOLDER));
  }
  await writeFileDurably(marker, JSON.stringify({ seededAt: new Date().toISOString() }) + '\n');
}

function summaryOf(file: RunbookFile, gitCommit: string | undefined): RunbookSummary {
  const fm = file.parsed.frontMatter;
  const version = file.origin === 'git' && gitCommit ? `git:${gitCommit.slice(0, 12)} sha256:${file.contentHash}` : `sha256:${file.contentHash}`;
  return {
    id: `${file.origin}/${file.relPath.replace(/\.md$/i, '')}`,
    origin: file.origin,
    path: file.relPath,
    title: fm.title,
    services: fm.services ?? [],
    severities: fm.severities ?? [],
    tags: fm.tags ?? [],
    owners: fm.owners ?? [],
    ...(fm.estimatedMinutes !== undefined ? { estimatedMinutes: fm.estimatedMinutes } : {}),
    stepCount: file.parsed.steps.length,
    version,
    problems: file.parsed.problems,
  };
}

export class RunbookLibrary {
  private entries: LibraryEntry[] = [];
  private byId = new Map<string, LibraryEntry>();
  private index = new RunbookSearchIndex([]);
  private readonly local: RunbookFolder;
  private readonly bundled: RunbookFolder;
  private synced?: RunbookFolder;
  private gitCommit?: string;
  private queue: Promise<unknown> = Promise.resolve();
  private syncing?: Promise<LibraryStatus> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly now: () => Date;

  private constructor(
    private readonly options: LibraryOptions,
    private settings: LibrarySettings,
  ) {
    this.now = options.now ?? (() => new Date());
    this.local = new RunbookFolder('local', join(options.dataDir, LOCAL_FOLDER));
    this.bundled = new RunbookFolder('bundled', join(options.assetsDir, 'runbooks'));
    this.synced = this.folderFor(settings.source);
  }

  /**
   * Opens the library. With `lazy`, the folders are scanned and parsed (markdown, YAML, the search index) on the first call
   * of ready(), not now: the core starts and serves an incident without paying for runbooks no one has asked for yet.
   */
  static async open(options: LibraryOptions, { lazy = false }: { lazy?: boolean } = {}): Promise<RunbookLibrary> {
    await seedLocalFolder(options.dataDir, options.assetsDir);
    const { settings, problem } = await readLibrarySettings(options.dataDir);
    const library = new RunbookLibrary(options, settings);
    if (problem) library.settings.lastAttempt = { at: library.now().toISOString(), outcome: 'failed', message: problem };
    if (!lazy) await library.ready();
    return library;
  }

  private scanned: Promise<void> | undefined;

  /** Resolves once the folders were scanned at least once (list, search, get, entry and status read that scan). */
  ready(): Promise<void> {
    // A failed first scan (a folder unreadable for a moment) is retried by the next caller rather than remembered.
    this.scanned ??= this.refresh().catch((e: unknown) => {
      this.scanned = undefined;
      throw e;
    });
    return this.scanned;
  }

  get gitDir(): string {
    return join(this.options.dataDir, GIT_FOLDER);
  }

  private folderFor(source: SyncSource): RunbookFolder | undefined {
    if (source.kind === 'git') return new RunbookFolder('git', this.gitDir);
    if (source.kind === 'folder') return new RunbookFolder('folder', source.path);
    return undefined;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs library changes one at a time, so a rescan never interleaves with a sync. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Rescans every folder (a stat per file) and rebuilds the index when anything changed. */
  refresh(): Promise<void> {
    return this.serial(() => this.rescan(false));
  }

  private async rescan(force: boolean): Promise<void> {
    if (this.settings.source.kind === 'git' && this.gitCommit === undefined && (await isClone(this.gitDir))) {
      this.gitCommit = (await runGit(['rev-parse', 'HEAD'], this.gitDir).catch(() => '')).trim() || undefined;
    }
    const folders = [this.synced, this.local, this.bundled].filter((f): f is RunbookFolder => f !== undefined);
    const scans = await Promise.all(folders.map((f) => f.scan()));
    if (!force && !scans.some((s) => s.changed) && this.entries.length > 0) return;
    const localPaths = new Set(scans[folders.indexOf(this.local)]!.files.map((f) => f.relPath.toLowerCase()));
    const entries: LibraryEntry[] = [];
    scans.forEach((scan, i) => {
      for (const file of scan.files) {
        // The user's folder was seeded from the bundled runbooks; their copy (possibly edited) replaces the bundled one.
        if (folders[i] === this.bundled && localPaths.has(file.relPath.toLowerCase())) continue;
        entries.push({ summary: summaryOf(file, this.gitCommit), file });
      }
    });
    entries.sort((a, b) => a.summary.title.localeCompare(b.summary.title) || a.summary.id.localeCompare(b.summary.id));
    this.entries = entries;
    this.byId = new Map(entries.map((e) => [e.summary.id, e]));
    this.index = new RunbookSearchIndex(
      entries.map((e) => ({
        id: e.summary.id,
        title: e.summary.title,
        labels: [...e.summary.tags, ...e.summary.services, ...e.summary.owners],
        body: e.file.parsed.body,
      })),
    );
    // The first scan is what a lazily opened library reads on its first request: nothing shown before it has changed.
    if (this.everScanned) for (const l of this.listeners) l();
    this.everScanned = true;
  }

  private everScanned = false;

  list(filter: RunbookFilter): { runbooks: RunbookSummary[]; facets: RunbookFacets; library: LibraryStatus } {
    const all = this.entries.map((e) => e.summary);
    return { runbooks: all.filter((r) => matchesFilter(r, filter)), facets: facetsOf(all), library: this.status() };
  }

  /** Every runbook in the library as last scanned, in title order. */
  summaries(): RunbookSummary[] {
    return this.entries.map((e) => e.summary);
  }

  search(query: string, filter: RunbookFilter, limit: number): RunbookSearchHit[] {
    const hits: RunbookSearchHit[] = [];
    for (const hit of this.index.search(query, this.entries.length)) {
      const runbook = this.byId.get(hit.id)!.summary;
      if (!matchesFilter(runbook, filter)) continue;
      hits.push({ runbook, score: hit.score, matchedIn: hit.matchedIn });
      if (hits.length === limit) break;
    }
    return hits;
  }

  entry(runbookId: string): LibraryEntry {
    const found = this.byId.get(runbookId);
    if (!found) throw new DomainError('not_found', `No runbook ${runbookId} in the library; it may have been renamed or removed by a sync.`);
    return found;
  }

  get(runbookId: string): RunbookDetail {
    const { summary, file } = this.entry(runbookId);
    return { runbook: summary, html: renderRunbookHtml(file.parsed.body), steps: file.parsed.steps };
  }

  status(): LibraryStatus {
    const count = (origin: RunbookOrigin) => this.entries.filter((e) => e.summary.origin === origin).length;
    const folders = [this.synced, this.local, this.bundled]
      .filter((f): f is RunbookFolder => f !== undefined)
      .map((f) => ({ origin: f.origin, path: f.root, count: count(f.origin) }));
    return {
      source: this.settings.source,
      ...(this.settings.lastSync ? { lastSync: this.settings.lastSync } : {}),
      ...(this.settings.lastAttempt ? { lastAttempt: this.settings.lastAttempt } : {}),
      folders,
      total: this.entries.length,
      withProblems: this.entries.filter((e) => e.summary.problems.length > 0).length,
    };
  }

  /** Points the library at a new source and syncs it; a clone of a different repository is moved aside, never deleted. */
  async configure(source: SyncSource): Promise<LibraryStatus> {
    await this.syncing?.catch(() => undefined);
    if (source.kind === 'folder') {
      if (!isAbsolute(source.path)) throw new DomainError('validation', `Use an absolute folder path (got "${source.path}").`);
      const info = await stat(source.path).catch(() => undefined);
      if (!info?.isDirectory()) throw new DomainError('validation', `${source.path} is not a folder that Firebreak can read.`);
    }
    await this.serial(async () => {
      if (source.kind === 'git') await this.setAsideOtherClone(source);
      this.settings = { source };
      this.synced = this.folderFor(source);
      this.gitCommit = undefined;
    });
    return this.syncNow();
  }

  private async setAsideOtherClone(source: Extract<SyncSource, { kind: 'git' }>): Promise<void> {
    const current = await originUrl(this.gitDir);
    const previous = this.settings.source;
    const sameBranch = previous.kind === 'git' && previous.branch === source.branch;
    if (current === undefined || (current === source.url && sameBranch)) return;
    const aside = `${this.gitDir}.replaced-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    await moveDurably(this.gitDir, aside);
  }

  /** At start-up, pull a configured git library in the background; browsing works from the last pulled copy meanwhile. */
  pullInBackground(onError: (error: unknown) => void): void {
    if (this.settings.source.kind === 'git') this.syncNow().catch(onError);
  }

  /** One sync at a time; the network part runs outside the scan queue, so browsing never waits for a slow remote. */
  syncNow(): Promise<LibraryStatus> {
    this.syncing ??= this.sync().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async sync(): Promise<LibraryStatus> {
    await this.pull();
    await this.serial(() => this.rescan(true));
    return this.status();
  }

  private async pull(): Promise<void> {
    const at = this.now().toISOString();
    const source = this.settings.source;
    if (source.kind === 'git') {
      const result = await syncGitLibrary(this.gitDir, source.url, source.branch);
      if (result.commit) this.gitCommit = result.commit;
      const succeeded = result.outcome === 'cloned' || result.outcome === 'pulled' || result.outcome === 'up_to_date';
      if (succeeded) this.settings.lastSync = { at, ...(result.commit ? { commit: result.commit } : {}) };
      this.settings.lastAttempt = { at, outcome: result.outcome, message: result.message, ...(result.localChanges ? { localChanges: result.localChanges } : {}) };
    } else if (source.kind === 'folder') {
      const present = await stat(source.path).then((s) => s.isDirectory(), () => false);
      if (present) this.settings.lastSync = { at };
      this.settings.lastAttempt = present
        ? { at, outcome: 'rescanned', message: `Read ${source.path}.` }
        : { at, outcome: 'failed', message: `${source.path} is not reachable (unmounted or removed?); showing the runbooks read before.` };
    } else {
      this.settings.lastAttempt = { at, outcome: 'rescanned', message: 'Rescanned the local and bundled runbooks.' };
    }
    await writeLibrarySettings(this.options.dataDir, this.settings);
  }
}
