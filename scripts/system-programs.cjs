// Finds the system programs the tests drive — Chromium, Prometheus, Alertmanager — from an environment variable, else PATH,
// else the usual Debian and macOS install locations. CommonJS so the Playwright config, vitest fixtures, the bench and
// test-all.mjs all load the same answer. Nothing here names a particular build machine.
const { accessSync, constants } = require('node:fs');
const { delimiter, join } = require('node:path');

/** @type {Record<'chromium'|'prometheus'|'alertmanager'|'nats-server', {env: string[], names: string[], locations: string[], aptPackage: string, brew: string, why: string}>} */
const programs = {
  chromium: {
    env: ['CHROMIUM_PATH', 'FIREBREAK_CHROMIUM'],
    names: ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'],
    locations: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    aptPackage: 'chromium',
    brew: 'brew install --cask chromium',
    why: 'Playwright e2e tests drive a system Chromium',
  },
  prometheus: {
    env: ['PROMETHEUS_PATH', 'FIREBREAK_PROMETHEUS_BIN'],
    names: ['prometheus'],
    locations: ['/usr/bin/prometheus', '/usr/local/bin/prometheus', '/opt/homebrew/bin/prometheus'],
    aptPackage: 'prometheus',
    brew: 'brew install prometheus',
    why: 'metrics tests run a real Prometheus',
  },
  alertmanager: {
    env: ['ALERTMANAGER_PATH', 'FIREBREAK_ALERTMANAGER_BIN'],
    names: ['prometheus-alertmanager', 'alertmanager'],
    locations: ['/usr/bin/prometheus-alertmanager', '/usr/local/bin/alertmanager', '/opt/homebrew/bin/alertmanager'],
    aptPackage: 'prometheus-alertmanager',
    brew: 'brew install alertmanager',
    why: 'alert tests run a real Alertmanager',
  },
  'nats-server': {
    env: ['NATS_SERVER_PATH', 'FIREBREAK_NATS_SERVER'],
    names: ['nats-server'],
    locations: ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server', '/opt/homebrew/bin/nats-server'],
    aptPackage: 'nats-server',
    brew: 'brew install nats-server',
    why: 'team sync tests run a real NATS JetStream server',
  },
};

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the program is, or undefined. An environment variable that is set wins outright — even when it points nowhere, so a
 * typo is reported instead of silently falling back to another copy.
 * @param {'chromium'|'prometheus'|'alertmanager'|'nats-server'} name
 * @param {NodeJS.ProcessEnv} [env]
 */
function locateProgram(name, env = process.env) {
  const spec = programs[name];
  for (const variable of spec.env) {
    const value = env[variable];
    if (value) return isExecutable(value) ? value : undefined;
  }
  const pathDirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const candidate of spec.names) {
    for (const dir of pathDirs) {
      const full = join(dir, candidate);
      if (isExecutable(full)) return full;
    }
  }
  return spec.locations.find(isExecutable);
}

/** One line naming what is missing and how to install it (apt on Debian/Ubuntu, Homebrew on macOS), and how to point at a copy. */
function installHint(name, env = process.env) {
  const spec = programs[name];
  const setVar = spec.env.find((v) => env[v]);
  if (setVar) return `${setVar}=${env[setVar]} is not an executable file; fix or unset it.`;
  return `${name} not found (${spec.why}). Install it with \`sudo apt-get install -y ${spec.aptPackage}\` (Debian/Ubuntu) or \`${spec.brew}\` (macOS), or set ${spec.env[0]} to its path.`;
}

/** The program's path, or throws with the install hint. */
function requireProgram(name, env = process.env) {
  const found = locateProgram(name, env);
  if (!found) throw new Error(installHint(name, env));
  return found;
}

module.exports = { programs, locateProgram, installHint, requireProgram };
