// `npm test`: system packages, lint, typecheck, unit tests, production build, Playwright e2e — and which Electron-only checks were skipped.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { hasDisplay, locateElectron } from './electron-binary.mjs';
import { ensureSystemPackages } from './system-packages.mjs';
import { contractsSkipMessage, locateContracts } from './contracts-location.cjs';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

ensureSystemPackages();
const contracts = locateContracts();
const electron = locateElectron();
// With the Electron binary but no display (CI, SSH), the e2e run gets a virtual one so the _electron spec runs too.
const xvfb = Boolean(electron.binary) && !hasDisplay() && spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error === undefined;
const playwright = xvfb ? ['xvfb-run', ['-a', bin('playwright'), 'test']] : [bin('playwright'), ['test']];

const steps = [
  ['lint', bin('eslint'), ['.']],
  ['typecheck (node)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']],
  ['typecheck (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']],
  // Built before vitest: the desktop stand-in tests load out/main and out/preload as built.
  ['build', bin('electron-vite'), ['build']],
  // After the build: the scan covers the built app in out/ too.
  ['security scan (electronegativity)', process.execPath, [join(root, 'scripts', 'electronegativity.mjs')]],
  ['unit tests (and the built desktop main + preload on the electron stand-in)', bin('vitest'), ['run']],
  ['e2e (Chromium + browser host, the desktop IPC journey on the stand-in; the _electron spec skips without a binary)', ...playwright],
];

const timings = [];
for (const [name, command, args] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${run.status ?? run.signal}).`);
    process.exit(run.status ?? 1);
  }
}

console.log('\n━━ summary ━━');
for (const t of timings) console.log(`✓ ${t}`);
if (!contracts.dir) console.log(contractsSkipMessage(contracts.searched));
if (!electron.binary || (!hasDisplay() && !xvfb)) {
  const reason = electron.binary ? 'there is no display and xvfb-run is not installed' : electron.reason;
  console.log(`Skipped Electron-only checks (e2e/electron.spec.ts: the journey in the real Electron window) because ${reason}.`);
  console.log('The built main, preload and renderer still ran on the electron stand-in (electron/shell/stand-in, e2e/desktop-ipc.spec.ts).');
  console.log('Run `npm start` once on a machine with internet to fetch Electron; without a display, install xvfb (apt-get install xvfb).');
}
