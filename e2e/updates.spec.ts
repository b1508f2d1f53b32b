// User journeys of stakeholder updates: SEV1 countdown, drafting with errors shown, publishing to clipboard and queued to Jira, reminders.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openCockpit, test, waitForCockpit } from './fixtures';

async function declare(page: Page, title: string, severity: 'SEV1' | 'SEV2'): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('declare');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title', { exact: true }).fill(title);
  await dialog.getByLabel(new RegExp(severity)).check();
  await dialog.getByLabel('Commander', { exact: true }).fill('ana.ruiz');
  await dialog.getByLabel(/Affected services/).fill('auth-api');
  await dialog.getByRole('button', { name: 'Declare incident' }).click();
  await expect(page.getByTestId('incident-header').getByRole('heading', { level: 1 })).toHaveText(title);
}

test('SEV1: 5-minute countdown, executive draft, publish to the clipboard and queued to Jira, both on the timeline', async ({ page, host }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  await openCockpit(page, host.url);
  await declare(page, 'Login failures for SSO users', 'SEV1');

  const pane = page.getByRole('region', { name: 'Stakeholder updates' });
  const execTab = pane.getByRole('tab', { name: /Executives/ });
  await expect(execTab).toHaveAttribute('aria-selected', 'true');
  await expect(execTab.locator('.countdown')).toHaveText(/^due in (5:00|4:[0-5]\d)$/);
  // The header carries the same countdown, visible whatever pane the commander is looking at.
  await expect(page.getByTestId('next-update')).toHaveText(/^Next update \w+ due in (5:00|4:[0-5]\d)$/);

  // The draft starts from the executive template, filled from the incident.
  const editor = pane.getByLabel('Draft for Executives');
  await expect(editor).toHaveValue(/\{\{severity\}\}/);
  const preview = pane.getByLabel('Update preview');
  await expect(preview).toContainText('[SEV1 · Critical] Login failures for SSO users — Investigating');
  await expect(preview).toContainText('Affected services: auth-api');
  await expect(preview).toContainText(/Next update by \d\d:\d\d UTC/);

  // A typo is an error in the editor, never a raw placeholder in the preview or a publishable update.
  await editor.fill('**{{severty}}** {{title}}');
  await expect(pane.getByRole('list', { name: 'Problems in the draft' })).toContainText('Line 1, column 3: Unknown variable "severty" — did you mean "severity"?');
  await expect(pane.getByRole('button', { name: 'Publish update' })).toBeDisabled();
  await expect(pane.getByRole('button', { name: 'Publish update' })).toHaveAccessibleDescription('Fix the problems in the draft first.');
  await expect(preview).toHaveCount(0);
  await expect(pane.locator('.update-preview')).not.toContainText('{{');

  await editor.fill('**[{{severity}}] {{title}}** — {{status}}\n\nImpact: SSO logins fail for about 30% of users.\n\nNext update by {{nextUpdateAt}}.');
  await expect(preview).toContainText('[SEV1] Login failures for SSO users — Investigating');

  // Publish to the clipboard as plain text: the clipboard holds it and the countdown restarts at 20 minutes.
  await pane.getByLabel('Plain text (email)').check();
  await pane.getByRole('button', { name: 'Publish update' }).click();
  const result = pane.getByRole('status', { name: 'Publish result' });
  await expect(result).toContainText('Copied to the clipboard as plain text');
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toMatch(/^\[SEV1\] Login failures for SSO users — Investigating\n\nImpact: SSO logins fail for about 30% of users\.\n\nNext update by \d\d:\d\d UTC\.$/);
  await expect(execTab.locator('.countdown')).toHaveText(/^due in (20:00|19:[0-5]\d)$/);
  await expect(pane.locator('.update-draft-meta')).toContainText('last published');

  // Queue to Jira: no connector is configured, and the cockpit says so instead of pretending it was sent.
  await pane.getByLabel('Clipboard').uncheck();
  await pane.getByLabel(/Jira comment/).check();
  await pane.getByRole('button', { name: 'Publish update' }).click();
  await expect(result).toContainText('Jira is not configured');
  await expect(result).not.toContainText('Copied');
  await expect(pane.getByRole('list', { name: 'Deliveries of the last update' })).toContainText('Jira: not sent — Jira is not configured');

  // The diff compares with the previous executive update.
  await pane.getByRole('button', { name: /Changes since last update/ }).click();
  await expect(pane.getByLabel('Changes since the last update')).toContainText('Against the update published');

  const timeline = page.getByRole('list', { name: 'Timeline events' });
  // One line per published update, its first sentence without Markdown markup.
  await expect(timeline).toContainText('Update to executives via clipboard: [SEV1] Login failures for SSO users — Investigating');
  await expect(timeline).not.toContainText('**');
  await expect(timeline).toContainText('Update to executives via jira:');
  await expect(timeline).toContainText('Update to executives queued for jira but not sent: Jira is not configured');

  // Everything survives a reload: the published update is the previous one, the saved draft is the draft.
  await page.reload();
  await waitForCockpit(page);
  await expect(page.getByRole('region', { name: 'Stakeholder updates' }).getByLabel('Draft for Executives')).toHaveValue(/Impact: SSO logins fail/);
});

test('a due update raises an in-app reminder that can be dismissed, and the dismissal is on the timeline', async ({ page, host, dataDir }) => {
  // A one-minute first-update deadline for SEV2 puts the reminder on screen at once.
  const rule = { firstWithinMinutes: 1, phases: [{ untilMinutes: 120, everyMinutes: 20 }], thenEveryMinutes: 60, audiences: ['executives', 'support'] };
  writeFileSync(join(dataDir, 'update-cadence.json'), JSON.stringify({ SEV1: rule, SEV2: rule, SEV3: null, SEV4: null }));
  await openCockpit(page, host.url);
  await declare(page, 'Payments webhook delays', 'SEV2');

  const pane = page.getByRole('region', { name: 'Stakeholder updates' });
  const reminders = pane.getByRole('alert', { name: 'Update reminders' });
  await expect(reminders).toContainText(/Update to Executives due in 0:[0-5]\d/);
  await expect(reminders).toContainText('Update to Support');
  await expect(pane.getByRole('tab', { name: /Customers/ }).locator('.countdown')).toHaveText('no cadence');

  await pane.getByRole('tab', { name: /Support/ }).click();
  await expect(pane.getByLabel('Draft for Support')).toBeVisible();
  await reminders.locator('.update-reminder', { hasText: 'Executives' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(reminders).not.toContainText('Executives');
  await expect(reminders).toContainText('Update to Support');
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Reminder acknowledged: update to executives due');
});

test.describe('at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the preview shows tables, line breaks and strikethrough as every target carries them; the timeline shows one line that opens to the rendered update', async ({ page, host }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
    await openCockpit(page, host.url);
    await declare(page, 'Checkout errors for EU cards', 'SEV1');

    const pane = page.getByRole('region', { name: 'Stakeholder updates' });
    const editor = pane.getByLabel('Draft for Executives');
    await editor.fill(
      '**[{{severity}}] {{title}}** — ~~Investigating~~ Identified\nRollback of checkout in progress. See [the status page](https://status.example.com).\n\n| Service | Status |\n| --- | --- |\n| checkout | degraded |\n| payments | ok |\n\n<img src=x onerror="document.title=1"> is shown as text.',
    );
    const preview = pane.getByLabel('Update preview');
    await expect(preview.getByRole('table')).toBeVisible();
    await expect(preview.getByRole('cell', { name: 'degraded' })).toBeVisible();
    await expect(preview.getByRole('columnheader', { name: 'Status' })).toBeVisible();
    await expect(preview.locator('s')).toHaveText('Investigating');
    await expect(preview.locator('br')).toHaveCount(1);
    // Raw HTML in the draft is text in the preview, never an element.
    await expect(preview).toContainText('<img src=x onerror="document.title=1"> is shown as text.');
    await expect(preview.locator('img')).toHaveCount(0);
    // The sanitizer keeps what the pipeline emits: links open outside the app.
    await expect(preview.getByRole('link', { name: 'the status page' })).toHaveAttribute('href', 'https://status.example.com');
    await expect(preview.getByRole('link', { name: 'the status page' })).toHaveAttribute('target', '_blank');

    // The clipboard's plain text carries the same content: the table as rows, the break as a new line, the strike visible.
    await pane.getByLabel('Plain text (email)').check();
    await pane.getByRole('button', { name: 'Publish update' }).click();
    await expect(pane.getByRole('status', { name: 'Publish result' })).toContainText('Copied to the clipboard as plain text');
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toContain('~~Investigating~~ Identified\nRollback of checkout in progress.');
    expect(copied).toMatch(/Service +\| Status\n-+\|-+\ncheckout +\| degraded\npayments +\| ok/);

    // Maximised, the pane shows the draft and its preview together for the screenshots (after publishing, which saved the
    // draft: maximising remounts the pane).
    await pane.getByRole('button', { name: 'Maximise Stakeholder updates' }).click();
    await expect(preview).toBeInViewport();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: test.info().outputPath(`update-preview-${colorScheme}.png`) });
    }
    await pane.getByRole('button', { name: 'Restore Stakeholder updates' }).click();

    // The timeline: one line (audience, first sentence), opening on demand to the rendered update.
    const row = page.getByRole('list', { name: 'Timeline events' }).getByRole('listitem').filter({ hasText: 'Update to executives via clipboard:' });
    await expect(row).toContainText('Update to executives via clipboard: [SEV1] Checkout errors for EU cards — ~~Investigating~~ Identified');
    await expect(row).not.toContainText('Rollback of checkout');
    await row.getByRole('button', { name: 'Show update' }).click();
    const published = row.getByRole('region', { name: 'Published update' });
    await expect(published.getByRole('cell', { name: 'degraded' })).toBeVisible();
    await expect(published.locator('s')).toHaveText('Investigating');
    await expect(published).toContainText('Rollback of checkout in progress.');
    await expect(row.getByRole('button', { name: 'Hide update' })).toHaveAttribute('aria-expanded', 'true');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: test.info().outputPath(`timeline-update-expanded-${colorScheme}.png`) });
    }
    await row.getByRole('button', { name: 'Hide update' }).click();
    await expect(published).toHaveCount(0);
  });
});
