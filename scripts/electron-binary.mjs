// Finds the Electron binary, fetching it on demand (npm install skips Electron's own download: see .npmrc).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Path of the Electron executable, or undefined with the reason it is not there. */
export function locateElectron() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (run npm install)' };
  }
  try {
    const binary = require('electron');
    if (typeof binary === 'string' && existsSync(binary)) return { binary, pkgDir };
  } catch {
    // falls through: the package is there but its binary was never downloaded
  }
  return { pkgDir, reason: 'the Electron binary has not been downloaded' };
}

/** Tries Electron's own installer once (it downloads from GitHub or ELECTRON_MIRROR). */
export function downloadElectron(pkgDir, { quiet = false } = {}) {
  const run = spawnSync(process.execPath, [join(pkgDir, 'install.js')], {
    stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'pipe'],
    timeout: 180_000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  const stderr = run.stderr?.toString() ?? '';
  const firstError = stderr.split('\n').find((l) => /error|fail/i.test(l))?.trim();
  return run.status === 0 ? { ok: true } : { ok: false, reason: firstError || `installer exited with ${run.status ?? run.signal}` };
}

export function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}
