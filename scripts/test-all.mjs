// `npm test`: system packages, lint, typecheck, unit tests, production build, Playwright e2e — and which Electron-only checks were skipped.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { locateElectron } from './electron-binary.mjs';
import { ensureSystemPackages } from './system-packages.mjs';
import { contractsSkipMessage, locateContracts } from './contracts-location.cjs';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

ensureSystemPackages();
const contracts = locateContracts();

const steps = [
  ['lint', bin('eslint'), ['.']],
  ['security scan (electronegativity)', process.execPath, [join(root, 'scripts', 'electronegativity.mjs')]],
  ['typecheck (node)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']],
  ['typecheck (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']],
  // Built before vitest: the desktop stand-in tests load out/main and out/preload as built.
  ['build', bin('electron-vite'), ['build']],
  ['unit tests (and the built desktop main + preload on the electron stand-in)', bin('vitest'), ['run']],
  ['e2e (Chromium + browser host, the desktop IPC journey on the stand-in; the _electron spec skips without a binary)', bin('playwright'), ['test']],
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
const electron = locateElectron();
if (!electron.binary) {
  console.log(`Skipped Electron-only checks (e2e/electron.spec.ts: the desktop window journey) because ${electron.reason}.`);
  console.log('The same journey ran in Chromium against the browser host. Run `npm start` once on a machine with internet to fetch Electron.');
}
