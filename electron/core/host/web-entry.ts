// `npm run web`: starts the core and the loopback browser host, and prints the URL with its access token (like Jupyter).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startCore } from '../firebreak-core';
import { defaultUserDataDir, resolveDataDir } from '../platform/data-dir';
import { startBrowserHost } from './browser-host';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  // Built to out/main/web.js (CommonJS), so the project root is two levels up.
  const root = resolve(__dirname, '..', '..');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const dataDir = resolveDataDir(argValue('--data-dir'), defaultUserDataDir());
  const core = await startCore({
    dataDir,
    assetsDir: join(root, 'assets'),
    mode: 'browser',
    rendererDir: join(root, 'out', 'renderer'),
    version,
    reportError: (channel, error) => console.error(`[firebreak] ${channel} failed:`, error),
  });
  const port = argValue('--port');
  const host = await startBrowserHost({ router: core.router, hub: core.hub, rendererDir: join(root, 'out', 'renderer'), ...(port ? { port: Number(port) } : {}) });
  console.log(`Firebreak (browser mode) data: ${dataDir}`);
  console.log(`Firebreak is running at ${host.url}`);
  const stop = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(`Firebreak could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
