// User journeys of stakeholder updates at 1366×768: impact and next step asked before the first update, the draft edited
// as text, several audiences published at once, one overdue line, hand-edited drafts merged with new facts, cadence per incident.
import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, openCockpit, test, waitForCockpit } from './fixtures';
import { declareIncident } from './journeys';

const viewport = { width: 1366, height: 768 };

async function stateImpact(pane: Locator, impact: { who: string; how: string; since: string; next: string }) {
  const form = pane.getByRole('form', { name: 'Before the first update' });
  await form.getByLabel('Who is affected').fill(impact.who);
  await form.getByLabel('How badly').fill(impact.how);
  await form.getByLabel('Since when').fill(impact.since);
  await form.getByLabel('Next step', { exact: true }).fill(impact.next);
  await form.getByRole('button', { name: 'Save impact and next step' }).click();
  await expect(pane.getByTestId('stated-facts')).toContainText(`${impact.who} — ${impact.how} (since ${impact.since})`);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('[data-pane="updates"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
}

/** Visible without scrolling the window or any scrolling ancestor. */
async function expectInView(locator: Locator) {
  await expect(locator).toBeVisible();
  const clipped = await locator.evaluate((el) => {
    const view = el.ownerDocument.defaultView!;
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > view.innerHeight + 0.5) return `outside the window: ${r.top}-${r.bottom}`;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const style = view.getComputedStyle(p);
      if (!/(auto|scroll|hidden)/.test(style.overflowY)) continue;
      const c = p.getBoundingClientRect();
      if (r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5) return `clipped by ${p.className}: ${r.top}-${r.bottom} in ${c.top}-${c.bottom}`;
    }
    return '';
  });
  expect(clipped).toBe('');
}

for (const scheme of ['dark', 'light'] as const) {
  test(`SEV1 at 1366×768 (${scheme}): impact asked first, executives and customers published at once, one overdue line`, async ({ page, host }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
    // The renderer's clock, so the 5-minute countdown can run out without waiting five minutes.
    await page.clock.install();
    await openCockpit(page, host.url);
    await declareIncident(page, { title: 'Card payments declined', severity: 'SEV1', services: 'payments' });

    const pane = page.getByRole('region', { name: 'Stakeholder updates' });
    await expect(pane.getByRole('tab', { name: /Executives/ }).locator('.countdown')).toHaveText(/^due in (5:00|4:[0-5]\d)$/);
    // Nothing can be published before the impact and the next step are stated.
    const publish = pane.getByRole('button', { name: /^Publish/ });
    await expect(pane.getByText('State the impact and next step first.')).toBeVisible();
    await expect(publish).toBeDisabled();
    await expect(publish).toHaveAccessibleDescription('State the impact and next step first.');
    await page.screenshot({ path: test.info().outputPath(`updates-prompt-${scheme}.png`) });
    await expectNoAxeViolations(page);
    await stateImpact(pane, { who: 'EU card payments', how: '30% declined', since: '11:52 UTC', next: 'Failing over to the backup acquirer' });

    // The draft is the text, ready to read; the template stays behind "Edit template".
    const draft = pane.getByLabel('Draft for Executives');
    await expect(draft).toHaveValue(/^\*\*\[SEV1 · Critical\] Card payments declined — Investigating\*\*/);
    await expect(draft).toHaveValue(/\*\*Customer impact:\*\* EU card payments — 30% declined \(since 11:52 UTC\)/);
    await expect(draft).not.toHaveValue(/\{\{/);
    await expect(pane.getByLabel('Template for Executives')).toBeHidden();

    // Maximised, the draft sits beside its preview, with Publish still in view.
    await pane.getByRole('button', { name: 'Maximise Stakeholder updates' }).click();
    await expect(pane.getByLabel('Update preview')).toContainText('Customer impact: EU card payments — 30% declined (since 11:52 UTC)');
    await expectInView(pane.getByRole('button', { name: 'Publish update' }));
    await page.screenshot({ path: test.info().outputPath(`updates-maximised-${scheme}.png`) });
    await pane.getByText('Edit template').click();
    await pane.getByRole('button', { name: 'Audiences and channels…' }).click();
    await expectNoAxeViolations(page);
    await pane.getByRole('button', { name: 'Done' }).click();
    await pane.getByText('Edit template').click();
    await pane.getByRole('button', { name: 'Restore Stakeholder updates' }).click();

    // One action for two audiences and two channels, with Publish in view at 1366×768.
    await pane.getByRole('button', { name: 'Audiences and channels…' }).click();
    await pane.getByLabel('Publish to Customers').check();
    await pane.getByLabel(/Jira comment/).check();
    await pane.getByRole('button', { name: 'Done' }).click();
    await expect(publish).toHaveText('Publish to 2 audiences');
    await expect(pane.getByTestId('publish-summary')).toHaveText('Executives, Customers → Clipboard, Jira comment');
    await expectInView(publish);
    await page.screenshot({ path: test.info().outputPath(`updates-publish-${scheme}.png`) });
    await publish.click();

    const result = pane.getByRole('table', { name: 'Publish result' });
    await expect(result.getByRole('row', { name: /Executives/ })).toContainText('copied');
    await expect(result.getByRole('row', { name: /Executives/ })).toContainText('not sent — Jira is not configured');
    await expect(result.getByRole('row', { name: /Customers/ })).toContainText('copied');
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toMatch(/^## Executives\n\n\*\*\[SEV1 · Critical\] Card payments declined/);
    expect(copied).toContain('## Customers\n\n**Investigating** — Card payments declined');

    const timeline = page.getByRole('list', { name: 'Timeline events' });
    await expect(timeline).toContainText('Update to executives via clipboard, jira');
    await expect(timeline).toContainText('Update to customers via clipboard, jira');
    await expect(pane.getByRole('tab', { name: /Executives/ }).locator('.countdown')).toHaveText(/^due in (20:00|19:[0-5]\d)$/);

    // Six minutes later support and engineering are overdue: one line, one action, not a banner per audience.
    await page.clock.fastForward('06:00');
    const reminders = pane.getByRole('alert', { name: 'Update reminders' });
    await expect(reminders).toHaveCount(1);
    await expect(reminders).toContainText('2 updates overdue');
    await expect(reminders).toContainText('(Support, Engineering)');
    await expectInView(publish);
    await page.screenshot({ path: test.info().outputPath(`updates-overdue-${scheme}.png`) });
    await expectNoAxeViolations(page);
    await reminders.getByRole('button', { name: 'Draft all' }).click();
    await expect(pane.getByTestId('publish-summary')).toHaveText('Support, Engineering → Clipboard, Jira comment');
    await expect(publish).toHaveText('Publish to 2 audiences');
    await expect(pane.getByRole('tab', { name: /Support/ })).toHaveAttribute('aria-selected', 'true');
  });
}

test('a hand-edited draft keeps its words when events arrive, and merges the new facts on request', async ({ page, host }) => {
  await page.setViewportSize(viewport);
  await openCockpit(page, host.url);
  await declareIncident(page, { title: 'Checkout latency', severity: 'SEV2', services: 'payments' });
  const pane = page.getByRole('region', { name: 'Stakeholder updates' });
  await stateImpact(pane, { who: 'EU shoppers', how: 'checkout takes 30 s', since: '09:40 UTC', next: 'Rolling back checkout' });

  const draft = pane.getByLabel('Draft for Executives');
  // The draft is regenerated with the impact just stated: read it once it carries it.
  await expect(draft).toHaveValue(/EU shoppers — checkout takes 30 s \(since 09:40 UTC\)/);
  const generated = await draft.inputValue();
  await draft.fill(generated.replace('EU shoppers — checkout takes 30 s (since 09:40 UTC)', 'Shoppers in the EU wait about 30 seconds to pay.'));
  await expect(pane.getByText('Unsaved changes')).toBeVisible();

  // New facts arrive: the impact is restated and the next step changes.
  await pane.getByRole('button', { name: 'Update impact or next step' }).click();
  const restate = pane.getByRole('form', { name: 'Impact and next step' });
  await restate.getByLabel('How badly').fill('checkout fails for 10%');
  await restate.getByLabel('Next step', { exact: true }).fill('Scaling the payments pool');
  await restate.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(pane.getByTestId('stated-facts')).toContainText('Scaling the payments pool');

  await expect(pane.getByRole('status').filter({ hasText: 'new events since you started this draft' })).toHaveText(/^2 new events since you started this draft/);
  await expect(draft).toHaveValue(/Shoppers in the EU wait about 30 seconds to pay\./);
  await expect(draft).not.toHaveValue(/Scaling the payments pool/);

  await pane.getByRole('button', { name: 'Merge new facts' }).click();
  // The commander's impact sentence stays; the untouched "What we are doing" section takes the new next step.
  await expect(draft).toHaveValue(/Shoppers in the EU wait about 30 seconds to pay\./);
  await expect(draft).toHaveValue(/\*\*What we are doing:\*\* Scaling the payments pool/);
  await expect(pane.getByText(/new events since you started this draft/)).toHaveCount(0);

  // The template is one click away and still checked as it is typed.
  await pane.getByText('Edit template').click();
  const template = pane.getByLabel('Template for Executives');
  await template.fill('**{{severty}}** {{title}}');
  await expect(pane.getByRole('list', { name: 'Problems in the template' })).toContainText('Line 1, column 3: Unknown variable "severty" — did you mean "severity"?');
  await expect(pane.getByRole('button', { name: 'Save template' })).toBeDisabled();

  await pane.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Draft update to executives saved');
  await page.reload();
  await waitForCockpit(page);
  await expect(page.getByRole('region', { name: 'Stakeholder updates' }).getByLabel('Draft for Executives')).toHaveValue(/Shoppers in the EU wait about 30 seconds to pay\./);
});

test('the commander tightens the cadence for this incident; the change is on the timeline and drives the countdown', async ({ page, host }) => {
  await page.setViewportSize(viewport);
  await openCockpit(page, host.url);
  await declareIncident(page, { title: 'Search outage', severity: 'SEV1', services: 'payments' });
  const pane = page.getByRole('region', { name: 'Stakeholder updates' });
  await stateImpact(pane, { who: 'All search users', how: 'no results', since: '10:00 UTC', next: 'Restarting the index nodes' });
  await expect(pane.getByTestId('incident-cadence')).toContainText('Cadence for this SEV1: every 20 min for 2 hours, then every 1 hour (from settings, recorded for this incident)');
  await pane.getByTestId('incident-cadence').getByRole('button', { name: 'Change' }).click();
  await pane.getByLabel('Minutes between updates for this incident').fill('15');
  await pane.getByRole('button', { name: 'Apply to this incident' }).click();
  await expect(pane.getByTestId('incident-cadence')).toContainText('Cadence for this SEV1: every 15 min (set for this incident)');
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Update cadence changed for this incident');

  await pane.getByRole('button', { name: 'Publish update' }).click();
  await expect(pane.getByRole('table', { name: 'Publish result' })).toContainText('copied');
  await expect(pane.getByRole('tab', { name: /Executives/ }).locator('.countdown')).toHaveText(/^due in (15:00|14:[0-5]\d)$/);
});

test('a due update raises one reminder line that can be dismissed, and the dismissal is on the timeline', async ({ page, host, dataDir }) => {
  // A one-minute first-update deadline for SEV2 puts the reminder on screen at once.
  const rule = { firstWithinMinutes: 1, phases: [{ untilMinutes: 120, everyMinutes: 20 }], thenEveryMinutes: 60, audiences: ['executives', 'support'] };
  writeFileSync(join(dataDir, 'update-cadence.json'), JSON.stringify({ SEV1: rule, SEV2: rule, SEV3: null, SEV4: null }));
  await openCockpit(page, host.url);
  await declareIncident(page, { title: 'Payments webhook delays', severity: 'SEV2', services: 'payments' });

  const pane = page.getByRole('region', { name: 'Stakeholder updates' });
  const reminders = pane.getByRole('alert', { name: 'Update reminders' });
  await expect(reminders).toContainText(/2 updates due within a minute|2 updates overdue|overdue/);
  await expect(reminders).toContainText('(Executives, Support)');
  await expect(pane.getByRole('tab', { name: /Customers/ }).locator('.countdown')).toHaveText('no cadence');

  await reminders.getByRole('button', { name: 'Dismiss' }).click();
  await expect(reminders).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Reminder acknowledged: update to executives due');
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Reminder acknowledged: update to support due');
});

test.describe('at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the preview shows tables, line breaks and strikethrough as every target carries them; the timeline shows one line that opens to the rendered update', async ({ page, host }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
    await openCockpit(page, host.url);
    await declareIncident(page, { title: 'Checkout errors for EU cards', severity: 'SEV1', services: 'payments' });

    const pane = page.getByRole('region', { name: 'Stakeholder updates' });
    await stateImpact(pane, { who: 'EU card holders', how: '12% of checkouts fail', since: '10:05 UTC', next: 'Rolling back checkout' });
    // The draft is prose: what is typed is what is published, through the one Markdown pipeline.
    const editor = pane.getByLabel('Draft for Executives');
    // The draft is regenerated with the impact just stated: replace it once it carries it. Filled earlier, the regenerated
    // text could land between the fill's select-all and its typing, and part of it stayed beside the typed words (seen once
    // under load: a second line break in the preview).
    await expect(editor).toHaveValue(/EU card holders — 12% of checkouts fail \(since 10:05 UTC\)/);
    const typed =
      '**[SEV1] Checkout errors for EU cards** — ~~Investigating~~ Identified\nRollback of checkout in progress. See [the status page](https://status.example.com).\n\n| Service | Status |\n| --- | --- |\n| checkout | degraded |\n| payments | ok |\n\n<img src=x onerror="document.title=1"> is shown as text.';
    await editor.fill(typed);
    await expect(editor).toHaveValue(typed);
    // Maximised, the draft sits beside its preview (the preview is what every target carries).
    await pane.getByRole('button', { name: 'Maximise Stakeholder updates' }).click();
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
    await expect(preview).toBeInViewport();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: test.info().outputPath(`update-preview-${colorScheme}.png`) });
    }

    // The clipboard's plain text carries the same content: the table as rows, the break as a new line, the strike visible.
    await pane.getByRole('button', { name: 'Audiences and channels…' }).click();
    await pane.getByLabel('Plain text (email)').check();
    await pane.getByRole('button', { name: 'Done' }).click();
    await pane.getByRole('button', { name: /^Publish/ }).click();
    await expect(pane.getByRole('table', { name: 'Publish result' }).getByRole('row', { name: /Executives/ })).toContainText('copied');
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toContain('~~Investigating~~ Identified\nRollback of checkout in progress.');
    expect(copied).toMatch(/Service +\| Status\n-+\|-+\ncheckout +\| degraded\npayments +\| ok/);
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
