// The foundation journey in the real Electron window; skips with the reason where no Electron binary (or display) exists.
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { waitForCockpit } from './cockpit-ready';

const require = createRequire(__filename);

function electronBinary(): { path?: string; reason?: string } {
  try {
    const path = require('electron') as unknown as string;
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: 'no display (DISPLAY/WAYLAND_DISPLAY unset)' };
    return { path };
  } catch {
    return { reason: 'the Electron binary is not installed on this machine (npm install does not download it; `npm start` fetches it on first run)' };
  }
}

const found = electronBinary();

test.describe('Electron desktop app', () => {
  test.skip(!found.path, `Electron-only check skipped: ${found.reason}`);

  test('declare an incident, add a note, change status, restart: all persisted, window is locked down', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'firebreak-electron-'));
    const launch = () =>
      electron.launch({ executablePath: found.path!, args: [resolve(__dirname, '..')], env: { ...process.env, FIREBREAK_DATA_DIR: dataDir } as Record<string, string> });
    try {
      let app = await launch();
      let page = await app.firstWindow();
      await waitForCockpit(page);
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      await page.getByRole('button', { name: 'Declare incident' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Declare incident' });
      await dialog.getByLabel('Title', { exact: true }).fill('Electron journey');
      await dialog.getByLabel('Commander', { exact: true }).fill('ana');
      await dialog.getByRole('button', { name: 'Declare incident' }).click();
      await page.getByLabel('Quick note').fill('note from the desktop');
      await page.getByLabel('Quick note').press('Enter');
      await page.getByTestId('incident-header').getByLabel('Status').selectOption('mitigating');
      await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('note from the desktop');
      await app.close();

      app = await launch();
      page = await app.firstWindow();
      await waitForCockpit(page);
      await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Electron journey/ }).click();
      await expect(page.getByTestId('incident-header').getByLabel('Status')).toHaveValue('mitigating');
      await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('note from the desktop');
      await app.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
