// `npm run web`: starts the core and the loopback browser host, and prints the URL with its access token (like Jupyter).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppLog } from '../diagnostics/app-log';
import { startCore } from '../firebreak-core';
import { defaultUserDataDir, resolveDataDir } from '../platform/data-dir';
import { startBrowserHost } from './browser-host';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

let log: AppLog | undefined;

async function main(): Promise<void> {
  // Built to out/main/web.js (CommonJS), so the project root is two levels up.
  const root = resolve(__dirname, '..', '..');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const dataDir = resolveDataDir(argValue('--data-dir'), defaultUserDataDir());
  // Warnings and errors also go to the terminal, already redacted like the log file.
  log = new AppLog({ dataDir, echo: (line) => (/"level":"(warn|error)"/.test(line) ? console.error(line) : undefined) });
  const appLog = log;
  process.on('uncaughtExceptionMonitor', (error, origin) => appLog.error('host', `Uncaught ${origin === 'unhandledRejection' ? 'promise rejection' : 'exception'}`, { error }));
  const core = await startCore({
    dataDir,
    log,
    assetsDir: join(root, 'assets'),
    mode: 'browser',
    rendererDir: join(root, 'out', 'renderer'),
    version,
  });
  const port = argValue('--port');
  const host = await startBrowserHost({ router: core.router, hub: core.hub, rendererDir: join(root, 'out', 'renderer'), ...(port ? { port: Number(port) } : {}) });
  console.log(`Firebreak (browser mode) data: ${dataDir}`);
  console.log(`Firebreak is running at ${host.url}`);
  const stop = async () => {
    // Every acknowledged event is already fsynced, so if a connector or a git pull does not wind down in time, exiting is safe.
    setTimeout(() => process.exit(0), 5000).unref();
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch(async (e: unknown) => {
  const message = `Firebreak could not start: ${e instanceof Error ? e.message : String(e)}`;
  if (log) {
    log.error('startup', message, { error: e });
    await log.flush();
  }
  console.error(log ? log.redactor.redactText(message) : message);
  process.exit(1);
});
