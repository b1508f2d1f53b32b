// Public status page journey at 1366×768: set the folder in Settings, declare, publish a customers update to the status page,
// read index.html / feed.xml / summary.json from disk, resolve and see the final entry; an internal note never reaches them.
// Then the generated page itself is opened from file:// in both colour schemes and photographed.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openCockpit, repoRoot, test } from './fixtures';

const viewport = { width: 1366, height: 768 };
const MARKER = 'QZV-internal-4412';
const files = ['index.html', 'feed.xml', 'summary.json'] as const;

/** Opens the generated page from disk in each colour scheme, checks it with axe and photographs it. */
async function photograph(browser: Browser, site: string, moment: string, check: (reader: Page) => Promise<void>): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport, colorScheme });
    const reader = await context.newPage();
    await reader.goto(`file://${join(site, 'index.html')}`);
    await expect(reader.getByRole('heading', { level: 1, name: 'Acme status' })).toBeVisible();
    await check(reader);
    const axe = await new AxeBuilder({ page: reader }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
    const shot = test.info().outputPath(`status-page-${moment}-${colorScheme}.png`);
    await reader.screenshot({ path: shot });
    // FIREBREAK_README_SCREENSHOTS=1 refreshes the README's picture (the page during an incident) from this run.
    if (process.env.FIREBREAK_README_SCREENSHOTS === '1' && moment === 'incident' && colorScheme === 'light') copyFileSync(shot, join(repoRoot, 'assets', 'status-page-light.png'));
    await context.close();
  }
}

test('status page: configure a folder, publish a customers update, resolve, final entry; no internal note leaks', async ({ page, host, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(viewport);
  const site = test.info().outputPath('status-site');
  const read = (name: (typeof files)[number]) => (existsSync(join(site, name)) ? readFileSync(join(site, name), 'utf8') : '');
  await openCockpit(page, host.url);

  // Settings → Public status page: a folder any static host can serve.
  await page.getByRole('complementary', { name: 'Start here' }).getByRole('button', { name: 'Open settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const section = settings.getByRole('region', { name: 'Public status page' });
  await expect(section).toContainText('not set up');
  await section.getByLabel('Page title').fill('Acme status');
  await section.getByLabel('Folder (absolute path)').fill('relative/path');
  await section.getByRole('button', { name: 'Save status page settings' }).click();
  await expect(section.getByRole('alert')).toContainText('The folder must be an absolute path');
  await section.getByLabel('Folder (absolute path)').fill(site);
  await section.getByRole('button', { name: 'Save status page settings' }).click();
  await expect(section.getByRole('status')).toContainText('Saved');
  await expect(section).toContainText(`written to ${site}`);
  await section.scrollIntoViewIfNeeded();
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: test.info().outputPath(`settings-status-page-${colorScheme}.png`) });
  }
  await settings.getByRole('button', { name: 'Close' }).click();

  // Declare a SEV1 and write an internal note that must never reach the page.
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: 'Declare incident' }).click();
  const declare = page.getByRole('dialog', { name: 'Declare incident' });
  await declare.getByLabel('Title', { exact: true }).fill('Card payments failing');
  await declare.getByRole('radio', { name: /SEV1/ }).check();
  await declare.getByLabel('Commander', { exact: true }).fill('ana.ruiz');
  await declare.getByLabel(/Affected services/).fill('checkout');
  await declare.getByRole('button', { name: 'Declare incident' }).click();
  await expect(page.getByTestId('incident-header').getByRole('heading', { level: 1 })).toHaveText('Card payments failing');
  await page.getByLabel('Quick note').fill(`Hypothesis: ${MARKER} pool exhausted after the deploy; paged Lee`);
  await page.getByLabel('Quick note').press('Enter');

  // Before the first update the impact and next step are asked for.
  const pane = page.getByRole('region', { name: 'Stakeholder updates' });
  const facts = pane.getByRole('form', { name: 'Before the first update' });
  await facts.getByLabel('Who is affected').fill('Card payments at checkout');
  await facts.getByLabel('How badly').fill('some fail');
  await facts.getByLabel('Since when').fill('10:00 UTC');
  await facts.getByLabel('Next step', { exact: true }).fill('Rolling back the last deploy');
  await facts.getByRole('button', { name: 'Save impact and next step' }).click();

  // The status page is a channel of customers updates only.
  await pane.getByRole('button', { name: 'Audiences and channels…' }).click();
  await expect(pane.getByRole('checkbox', { name: 'Status page' })).toHaveCount(0);
  await pane.getByRole('tab', { name: /Customers/ }).click();
  await pane.getByLabel('Draft for Customers').fill('**{{status}}** — {{title}}\n\nSome card payments fail at checkout.\nRetrying usually works.');
  await expect(pane.getByLabel('Update preview')).toContainText('Some card payments fail at checkout.');
  await pane.getByLabel('Publish to Customers').check();
  await pane.getByLabel('Publish to Executives').uncheck();
  await pane.getByRole('checkbox', { name: 'Clipboard' }).uncheck();
  await pane.getByRole('checkbox', { name: /Status page/ }).check();
  await pane.getByRole('button', { name: 'Publish update' }).click();
  await expect(pane.getByRole('table', { name: 'Publish result' }).getByRole('row', { name: /Customers/ })).toContainText('queued in the outbox');

  // The outbox writes the three files.
  await expect.poll(() => read('index.html'), { timeout: 30_000 }).toContain('Some card payments fail at checkout.');
  const summary = () => JSON.parse(read('summary.json') || '{}') as { status?: { indicator: string }; incidents?: { name: string }[]; history?: { incident_updates: { status: string }[] }[] };
  await expect.poll(() => summary().incidents?.[0]?.name).toBe('Card payments failing');
  expect(summary().status?.indicator).toBe('critical');
  await expect.poll(() => read('feed.xml')).toContain('Card payments failing — Investigating');
  await expect(pane.getByRole('list', { name: 'Deliveries of the last update' })).toContainText('Status page: sent');
  await photograph(browser, site, 'incident', async (reader) => {
    await expect(reader.getByRole('status')).toHaveText('Major system outage');
    await expect(reader.getByRole('region', { name: 'Components' }).getByRole('listitem').filter({ hasText: 'checkout' })).toContainText('Major outage');
  });

  // Resolve (the SEV1 confirmation asks for a note, itself internal): the page gets a final entry automatically.
  const status = page.getByTestId('incident-header').getByRole('combobox', { name: 'Status' });
  await status.selectOption('resolved');
  const confirm = page.getByRole('dialog', { name: 'Resolve SEV1 incident?' });
  await confirm.getByLabel(/Resolution note/).fill(`Rolled back; ${MARKER} root cause in the pool config`);
  await page.keyboard.press('Control+Enter');
  await expect(status).toHaveValue('resolved');
  // The writer puts index.html last (a reader of the new page finds the feed and summary it links to already there): wait on it.
  await expect.poll(() => read('index.html'), { timeout: 30_000 }).toContain('This incident has been resolved');
  expect(summary().history?.[0]?.incident_updates.map((u) => u.status)).toEqual(['resolved', 'investigating']);
  expect(summary().incidents).toEqual([]);
  expect(summary().status?.indicator).toBe('none');
  expect(read('feed.xml')).toContain('Card payments failing — Resolved');

  for (const name of files) {
    expect(read(name), name).not.toContain(MARKER);
    expect(read(name), name).not.toContain('ana.ruiz');
  }

  // The feed is well-formed XML to a real (strict) parser, with an Atom root.
  // (A string expression: the e2e type-check has no DOM library.)
  const feedCheck = await page.evaluate<{ errors: number; root: string | null; entries: number }>(
    `(() => { const doc = new DOMParser().parseFromString(${JSON.stringify(read('feed.xml'))}, 'application/xml');
      return { errors: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.namespaceURI, entries: doc.getElementsByTagName('entry').length }; })()`,
  );
  expect(feedCheck).toEqual({ errors: 0, root: 'http://www.w3.org/2005/Atom', entries: 2 });

  await photograph(browser, site, 'resolved', async (reader) => {
    await expect(reader.getByRole('status')).toHaveText('All systems operational');
    await expect(reader.getByRole('heading', { level: 3, name: 'Card payments failing' })).toBeVisible();
  });
});
