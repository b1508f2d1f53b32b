// `npm start`: opens the Firebreak desktop window; where Electron cannot run, says why in one line and starts browser mode.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';
import { downloadElectron, hasDisplay, locateElectron } from './electron-binary.mjs';
import { startBrowserMode } from './web.mjs';

const root = join(import.meta.dirname, '..');
let electron = locateElectron();
if (!electron.binary && electron.pkgDir && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
  console.log('Fetching the Electron binary (first start only)…');
  const download = downloadElectron(electron.pkgDir);
  electron = download.ok ? locateElectron() : { reason: `the Electron binary could not be downloaded (${download.reason})` };
}
const reason = !electron.binary ? electron.reason : !hasDisplay() ? 'there is no display (DISPLAY/WAYLAND_DISPLAY unset)' : undefined;

if (reason) {
  console.log(`Electron is not available: ${reason}; starting Firebreak in browser mode instead.`);
  startBrowserMode();
} else {
  buildIfNeeded();
  const child = spawn(electron.binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
