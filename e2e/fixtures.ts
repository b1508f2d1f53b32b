// Test fixtures: every test gets a fresh temp data directory, its own browser host process, and a Chromium page opened on it.
import { test as base, chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { requireProgram } from '../scripts/system-programs.cjs';
import { waitForCockpit } from './cockpit-ready';

export { waitForCockpit };

export const repoRoot = resolve(__dirname, '..');
// CHROMIUM_PATH, else PATH, else the usual Debian and macOS locations (scripts/system-programs.cjs).
export const chromiumPath = requireProgram('chromium');

const HOST_START_LIMIT_MS = 60_000;

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
}

/** Starts `node out/main/web.js` (the same entry `npm run web` uses) and waits for the URL line. */
export async function startHost(dataDir: string, env: NodeJS.ProcessEnv = {}, options: { startLimitMs?: number } = {}): Promise<RunningHost> {
  const startLimitMs = options.startLimitMs ?? HOST_START_LIMIT_MS;
  const entry = join(repoRoot, 'out', 'main', 'web.js');
  if (!existsSync(entry)) throw new Error('out/main/web.js is missing: run `npm run build` before the e2e tests.');
  const child = spawn(process.execPath, [entry, '--data-dir', dataDir, '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, FIREBREAK_OPERATOR: 'e2e.commander', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolvePromise, reject) => {
    // An upper bound, not a wait: it only fires when the host hangs. On a 2-core machine with both cores busy, starting
    // Node, loading the bundle and seeding the demo has been seen to take over 15 s, so the bound leaves room for that.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Browser host did not print its URL within ${startLimitMs / 1000} s:\n${output}`));
    }, startLimitMs);
    const check = () => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Browser host exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token')!, dataDir, process: child, output: () => output };
}

export async function stopHost(host: RunningHost): Promise<void> {
  if (host.process.exitCode !== null || host.process.signalCode !== null) return;
  await new Promise<void>((r) => {
    // The host exits within 5 s of SIGTERM by itself; SIGKILL is only the backstop for a wedged process.
    const backstop = setTimeout(() => host.process.kill('SIGKILL'), 10_000);
    host.process.once('exit', () => {
      clearTimeout(backstop);
      r();
    });
    host.process.kill('SIGTERM');
  });
}

/** Calls one channel of the contract on a running host the way the renderer does (token, JSON, Result envelope). */
export async function rpc<T>(host: RunningHost, channel: string, input: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/api/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
  return result.value;
}

/** Opens the cockpit and waits for the explicit readiness marker instead of sleeping. */
export async function openCockpit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForCockpit(page);
}

/** Screenshots `target` (the page or one region) in the light and the dark theme, as `<name>-light.png` and `-dark.png`. */
export async function screenshotBothThemes(page: Page, target: Page | Locator, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await target.screenshot({ path: base.info().outputPath(`${name}-${scheme}.png`) });
  }
}

export const test = base.extend<{ dataDir: string; host: RunningHost }, { browser: Browser }>({
  browser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: chromiumPath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'firebreak-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use) => {
    const host = await startHost(dataDir);
    await use(host);
    await stopHost(host);
  },
});

export { expect } from '@playwright/test';
