// The cockpit journey in the desktop wiring without the Electron binary: the built renderer in Chromium, on the built preload
// and built main (electron stand-in, in a Node process), through the renderer's IPC transport — not the HTTP one.
// Declare, note, status change, reload, restart: all persisted. (e2e/electron.spec.ts runs the same in the real binary.)
import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, waitForCockpit } from './fixtures';
import { DESKTOP_ORIGIN, exposeDesktopBridge, serveBuiltRenderer, startDesktopMain, type DesktopMain } from './desktop-stand-in/ipc-bridge';

test.use({ launchOptions: { executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] }, viewport: { width: 1366, height: 768 } });

test('desktop IPC transport: declare, note and status change survive a reload and a restart of the main process', async ({ page }) => {
  // Two main-process starts (tsx compiles the stand-in, the core opens its data) plus the journey: 2.7 min was measured
  // with load average 38 on 2 cores; the bound leaves room above that.
  test.setTimeout(360_000);
  const home = mkdtempSync(join(tmpdir(), 'firebreak-desktop-ipc-'));
  const env = { XDG_STATE_HOME: join(home, 'state'), FIREBREAK_OPERATOR: 'e2e.commander', FIREBREAK_DATA_DIR: '', FIREBREAK_STAND_IN_KEYRING: randomBytes(32).toString('hex') };
  const mains: DesktopMain[] = [];
  const start = async () => {
    const main = await startDesktopMain(join(home, 'userData'), env);
    mains.push(main);
    return main;
  };
  try {
    const first = await start();
    expect(first.keys.sort()).toEqual(['invoke', 'onMenuCommand', 'subscribe']);
    const bridge = await exposeDesktopBridge(page, first);
    const requested = await serveBuiltRenderer(page);

    await page.goto(`${DESKTOP_ORIGIN}/`);
    await waitForCockpit(page);
    await page.getByRole('button', { name: 'Declare incident' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Declare incident' });
    await dialog.getByLabel('Title', { exact: true }).fill('Desktop wiring journey');
    await dialog.getByLabel(/SEV2/).check();
    await dialog.getByLabel('Commander', { exact: true }).fill('ana.ruiz');
    await dialog.getByRole('button', { name: 'Declare incident' }).click();
    const header = page.getByTestId('incident-header');
    await expect(header.getByRole('heading', { name: 'Desktop wiring journey' })).toBeVisible();

    await page.getByLabel('Quick note').fill('sent through ipcRenderer.invoke');
    await page.getByLabel('Quick note').press('Enter');
    await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('sent through ipcRenderer.invoke');
    await header.getByLabel('Status').selectOption('mitigating');
    await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Status Investigating → Mitigating');

    await page.reload();
    await waitForCockpit(page);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Desktop wiring journey/ }).click();
    await expect(page.getByTestId('incident-header').getByLabel('Status')).toHaveValue('mitigating');
    await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('sent through ipcRenderer.invoke');

    // Quit (the window closes, will-quit waits for the core) and start a new main process on the same user data.
    await page.goto('about:blank');
    expect(await first.quit()).toBe(0);
    bridge.attach(await start());
    await page.goto(`${DESKTOP_ORIGIN}/`);
    await waitForCockpit(page);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Desktop wiring journey/ }).click();
    await expect(page.getByTestId('incident-header').getByLabel('Status')).toHaveValue('mitigating');
    await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('sent through ipcRenderer.invoke');

    // Everything went over IPC: the page only ever fetched its own static files.
    expect(requested.filter((path) => path.startsWith('/api/'))).toEqual([]);
    expect(requested.length).toBeGreaterThan(0);
  } finally {
    for (const main of mains) await main.quit().catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
  }
});
