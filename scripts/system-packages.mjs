// Makes sure the system programs the tests use are present: installs them with apt where it can, otherwise says exactly what to install.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { programs, locateProgram, installHint } = require('./system-programs.cjs');

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Finds chromium, prometheus, alertmanager and nats-server; installs the missing ones with apt when allowed; else names them and exits 1. */
export function ensureSystemPackages() {
  const names = Object.keys(programs);
  let missing = names.filter((name) => !locateProgram(name));
  if (missing.length === 0) return;
  // A variable pointing at a missing file is a configuration mistake: say so rather than install something else.
  const misconfigured = missing.filter((name) => programs[name].env.some((v) => process.env[v]));
  const isRoot = process.getuid?.() === 0;
  const sudo = !isRoot && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? ['sudo', '-n'] : isRoot ? [] : undefined;
  const installable = missing.filter((name) => !misconfigured.includes(name));
  if (installable.length > 0 && has('apt-get') && sudo) {
    const packages = installable.map((name) => programs[name].aptPackage);
    console.log(`Installing system packages with apt: ${packages.join(' ')}`);
    const run = (args) =>
      spawnSync(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages]);
    missing = names.filter((name) => !locateProgram(name));
    if (missing.length === 0) return;
  }
  console.error('The tests need these programs, which are missing and could not be installed automatically:');
  for (const name of missing) console.error(`  - ${installHint(name)}`);
  process.exit(1);
}
