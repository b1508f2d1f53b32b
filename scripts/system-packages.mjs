// Makes sure the system programs the tests use are present: installs them with apt where it can, otherwise says exactly what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const requiredPrograms = [
  { program: '/usr/bin/chromium', aptPackage: 'chromium', why: 'Playwright e2e tests drive Debian Chromium' },
  { program: '/usr/bin/prometheus', aptPackage: 'prometheus', why: 'metrics tests run a real Prometheus' },
  { program: '/usr/bin/prometheus-alertmanager', aptPackage: 'prometheus-alertmanager', why: 'alert tests run a real Alertmanager' },
];

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

export function ensureSystemPackages() {
  const missing = requiredPrograms.filter((p) => !existsSync(p.program));
  if (missing.length === 0) return;
  const packages = missing.map((p) => p.aptPackage);
  const isRoot = process.getuid?.() === 0;
  const sudo = !isRoot && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? ['sudo', '-n'] : isRoot ? [] : undefined;
  if (has('apt-get') && sudo) {
    console.log(`Installing system packages with apt: ${packages.join(' ')}`);
    const run = (args) => spawnSync(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    run(['apt-get', 'update', '-qq']);
    const install = run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages]);
    if (install.status === 0 && missing.every((p) => existsSync(p.program))) return;
  }
  console.error('The tests need these system packages, which are missing and could not be installed automatically:');
  for (const p of missing) console.error(`  ${p.aptPackage.padEnd(26)} provides ${p.program} (${p.why})`);
  console.error(`Install them with:  sudo apt-get install -y ${packages.join(' ')}`);
  process.exit(1);
}
