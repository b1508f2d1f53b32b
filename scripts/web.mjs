// `npm run web`: browser mode. Builds if needed, then serves the cockpit on 127.0.0.1 with a random access token.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';

export function startBrowserMode(args = process.argv.slice(2)) {
  buildIfNeeded();
  const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'out', 'main', 'web.js'), ...args], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (import.meta.url === `file://${process.argv[1]}`) startBrowserMode();
