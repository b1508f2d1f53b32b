// `npm run web`: starts the core and the loopback browser host, and prints the URL with its access token (like Jupyter).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataDirInUseError } from '../base/data-dir-lock';
import { AppLog } from '../diagnostics/app-log';
import { startCore } from '../firebreak-core';
import { startupSyncFrom } from '../sync/sync-service';
import { defaultUserDataDir, resolveDataDir } from '../platform/data-dir';
import { startBrowserHost } from './browser-host';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

let log: AppLog | undefined;

async function main(): Promise<void> {
  // The project root is the nearest folder above with a package.json: two levels up when built to out/main/web.js, three when
  // run from source (the data-directory lock test starts real hosts that way).
  let root = dirname(__dirname);
  while (!existsSync(join(root, 'package.json')) && dirname(root) !== root) root = dirname(root);
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
    ...(argValue('--operator') ? { operator: argValue('--operator') } : {}),
    rendererDir: join(root, 'out', 'renderer'),
    version,
    // Team sync: --sync <nats-url> --team <name>, or FIREBREAK_SYNC_URL / FIREBREAK_TEAM (user and password from the environment).
    sync: startupSyncFrom(process.argv, process.env),
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
  // The directory belongs to another running Firebreak, log included: say who holds it in one line and touch nothing there.
  if (log && !(e instanceof DataDirInUseError)) {
    log.error('startup', message, { error: e });
    await log.flush();
  }
  console.error(log ? log.redactor.redactText(message) : message);
  process.exit(1);
});
