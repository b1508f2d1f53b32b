// Settings journey: first-run hint → settings, export the configuration, import an edited copy, see a broken one refused
// section by section, and copy a redacted diagnostics report from the command palette.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openCockpit, test } from './fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('settings: export, import, per-section errors and copy diagnostics', async ({ page, host }) => {
  await openCockpit(page, host.url);

  // A fresh data directory holds only the demo and nothing configured: the sidebar says where to start.
  const startHere = page.getByRole('complementary', { name: 'Start here' });
  await expect(startHere).toBeVisible();
  await startHere.getByRole('button', { name: 'Open settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('heading', { name: 'Connectors' })).toBeVisible();
  await expect(settings.getByRole('heading', { name: 'Runbook library' })).toBeVisible();
  await expect(settings.getByRole('heading', { name: 'Stakeholder update cadence' })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);

  // Export: one JSON file, no secrets, the runbook sync section at least.
  const downloading = page.waitForEvent('download');
  await settings.getByRole('button', { name: 'Export configuration' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^firebreak-config-\d{4}-\d{2}-\d{2}\.json$/);
  const exportedPath = join(host.dataDir, 'exported-config.json');
  await download.saveAs(exportedPath);
  const exported = JSON.parse(readFileSync(exportedPath, 'utf8')) as Record<string, unknown>;
  expect(exported).toMatchObject({ format: 'firebreak-config', version: 1, runbookSync: { kind: 'none' } });
  await expect(settings.getByRole('status').filter({ hasText: 'Exported' })).toBeVisible();

  // Import an edited copy: a Prometheus server and a Jira site appear in their sections; the token is asked for.
  const edited = {
    ...exported,
    jira: { siteUrl: 'https://acme.atlassian.net', email: 'ic@example.com' },
    metrics: { prometheus: [{ id: 'prod', name: 'Prod', baseUrl: 'http://127.0.0.1:9090' }] },
  };
  const editedPath = join(host.dataDir, 'edited-config.json');
  writeFileSync(editedPath, JSON.stringify(edited, null, 2));
  await settings.getByLabel('Import configuration file').setInputFiles(editedPath);
  const imported = settings.getByRole('status').filter({ hasText: 'Imported' });
  await expect(imported).toContainText('Jira');
  await expect(imported).toContainText('jira: enter the API token');
  await expect(settings.getByText('http://127.0.0.1:9090')).toBeVisible();
  // Each section mounts its domain's own editor and comes back to Settings when it closes.
  await settings.getByRole('button', { name: 'Metrics settings…' }).click();
  const metricsDialog = page.getByRole('dialog', { name: 'Metrics settings' });
  await expect(metricsDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings.getByRole('heading', { name: 'Metrics' })).toBeVisible();

  // A broken file is refused as a whole, with its problems named by section; the previous import stays in force.
  const broken = { ...edited, metrics: { prometheus: [{ id: 'prod', name: 'Prod', baseUrl: 'ftp://nope' }] }, services: { services: [{ name: 'has spaces' }] } };
  const brokenPath = join(host.dataDir, 'broken-config.json');
  writeFileSync(brokenPath, JSON.stringify(broken));
  await settings.getByLabel('Import configuration file').setInputFiles(brokenPath);
  const refusal = settings.getByRole('alert').filter({ hasText: 'Import refused — nothing was changed' });
  await expect(refusal).toContainText('metrics: prometheus.0.baseUrl');
  await expect(refusal).toContainText('services: services.0');
  await expect(settings.getByText('http://127.0.0.1:9090')).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).last().click();
  await expect(settings).toBeHidden();

  // Copy diagnostics from the command palette: success is announced and the clipboard holds the redacted report.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('copy diagnostics');
  await page.keyboard.press('Enter');
  const diagnostics = page.getByRole('dialog', { name: 'Copy diagnostics' });
  await expect(diagnostics.getByRole('status')).toContainText('Diagnostics copied to the clipboard');
  const clipboard = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(clipboard).toContain('# Firebreak diagnostics');
  expect(clipboard).toContain(`Data directory: ${host.dataDir}`);
  expect(clipboard).toContain('Configuration imported');
  expect(clipboard).toContain('https://acme.atlassian.net');
  await diagnostics.getByRole('button', { name: 'Close' }).click();
  await expect(diagnostics).toBeHidden();
});
