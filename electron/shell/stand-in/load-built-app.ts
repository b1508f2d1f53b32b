// Loads the BUILT main bundle (out/main/index.js) with a stand-in in place of `electron`, as one fresh "main process":
// `require('electron')` inside out/main resolves to that stand-in; everything else (node_modules, node:*) is real.
import { existsSync, readdirSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createElectronStandIn, type ElectronStandIn, type StandInOptions } from './electron-stand-in';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
export const builtMain = join(repoRoot, 'out', 'main', 'index.js');
export const builtPreload = join(repoRoot, 'out', 'preload', 'index.js');

type Resolve = (request: string, parent: unknown, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolve; _cache: Record<string, Module> };

let current: ElectronStandIn | undefined;
let hooked = false;
let loads = 0;

function hook(): void {
  if (hooked) return;
  hooked = true;
  const original = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request, parent, ...rest) {
    if (request === 'electron' && current) return `\0electron-stand-in-${loads}`;
    return original.call(this, request, parent, ...rest);
  };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The bundles must exist and be newer than the sources they are built from (tests of a stale build prove nothing). */
export function assertFreshBuild(): void {
  for (const file of [builtMain, builtPreload]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx electron-vite build\` first (npm test builds before these tests).`);
  }
  const built = Math.min(statSync(builtMain).mtimeMs, statSync(builtPreload).mtimeMs);
  const sources = Math.max(newestMtime(join(repoRoot, 'electron', 'shell')), newestMtime(join(repoRoot, 'electron', 'preload')), newestMtime(join(repoRoot, 'shared', 'ipc')));
  if (sources > built) throw new Error('out/ is older than electron/shell, electron/preload or shared/ipc: run `npx electron-vite build` again.');
}

export interface LaunchedApp extends ElectronStandIn {
  /** Everything the main bundle required, so the next launch starts from a fresh module state. */
  readonly modules: string[];
}

/**
 * Starts one "main process": a new stand-in, a fresh copy of out/main (and its chunks), then Electron's 'ready'.
 * Environment variables the main reads (FIREBREAK_DATA_DIR, …) are taken from process.env at that moment.
 */
export function launchBuiltMain(options: StandInOptions, { emitReady = true } = {}): LaunchedApp {
  hook();
  const standIn = createElectronStandIn(options);
  loads += 1;
  const cacheKey = `\0electron-stand-in-${loads}`;
  const fake = new Module(cacheKey);
  fake.exports = standIn.electron;
  fake.loaded = true;
  moduleInternals._cache[cacheKey] = fake;
  const outMain = join(repoRoot, 'out', 'main');
  for (const key of Object.keys(moduleInternals._cache)) if (key.startsWith(outMain)) delete moduleInternals._cache[key];
  // Electron's own addition to `process` (where extraResources live in a packaged app).
  if (options.resourcesPath) (process as { resourcesPath?: string }).resourcesPath = options.resourcesPath;
  current = standIn;
  try {
    createRequire(builtMain)(builtMain);
  } finally {
    current = undefined;
  }
  const modules = Object.keys(moduleInternals._cache).filter((key) => key.startsWith(outMain));
  if (emitReady) standIn.ready();
  return Object.assign(standIn, { modules });
}
