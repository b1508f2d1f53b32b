// Review playback: scrub the demo incident to the middle and see the whole cockpit as it was at that moment.
import { expect, openCockpit, test } from './fixtures';

test('scrubbing the demo incident to the middle shows the cockpit as it was then', async ({ page, host }) => {
  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout latency and 5xx/ }).click();
  const header = page.locator('.incident-header');
  await expect(header.getByLabel('Status')).toHaveValue('resolved');

  await page.getByRole('button', { name: '▶ Review playback' }).click();
  const scrubber = page.getByRole('slider', { name: 'Playback position' });
  const min = Number(await scrubber.getAttribute('min'));
  const max = Number(await scrubber.getAttribute('max'));
  await scrubber.fill(String(Math.round((min + max) / 2)));

  // 38 minutes in: the hot-fix is being rolled out — severity raised, status mitigating, not yet resolved.
  await expect(page.locator('.cockpit')).toHaveAttribute('data-playback', 'true');
  await expect(header.getByLabel('Status')).toHaveValue('mitigating');
  await expect(header.getByLabel('Status')).toBeDisabled();
  await expect(header.getByRole('button', { name: 'SEV1' })).toBeVisible();
  await expect(header.locator('[data-key="resolved"] time')).toHaveText('—');
  await expect(header.locator('[data-key="acknowledged"] time')).not.toHaveText('—');
  const meta = await page.locator('[data-pane="timeline"] .pane-meta').textContent();
  const shown = Number(/(\d+) events/.exec(meta ?? '')![1]);
  expect(shown).toBeGreaterThan(50);
  expect(shown).toBeLessThan(250);
  const search = page.getByLabel('Search timeline');
  await search.fill('deploy started');
  await expect(page.locator('.timeline')).toContainText('Deploy started: checkout-api 5.31.1 (canary 5%)');
  await search.fill('status');
  await expect(page.locator('.timeline')).toContainText('Status Identified → Mitigating');
  await expect(page.locator('.timeline')).not.toContainText('Monitoring → Resolved');
  await search.fill('');

  // The other panes show that moment too: the updates published so far (four of the demo's seven), read-only.
  const updates = page.locator('[data-pane="updates"]');
  await expect(updates).toHaveAttribute('data-playback', 'true');
  await expect(updates.locator('.pane-meta')).toHaveText('4 published by then');
  await expect(updates.locator('[data-audience="executives"]')).toContainText('Fix written and tested');

  // Step with the keyboard, then go back to live.
  const before = await page.getByTestId('playback-time').textContent();
  await scrubber.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('playback-time')).not.toHaveText(before!);
  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect(header.getByLabel('Status')).toHaveValue('resolved');
});

test('timeline: search, filter by source, pin an event and mark it as a decision; all kept after reload', async ({ page, host }) => {
  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout latency and 5xx/ }).click();
  const pane = page.locator('[data-pane="timeline"]');
  await pane.getByLabel('Search timeline').fill('keep-alive');
  await expect(pane.locator('.pane-meta')).toHaveText(/^\d+ of \d+ events$/);
  await expect(pane.locator('.timeline')).toContainText('payments-client 2.14.0 dropped HTTP keep-alive');
  await pane.getByLabel('Search timeline').fill('');
  await pane.getByRole('button', { name: 'Alerts', exact: true }).click();
  await expect(pane.locator('.timeline .timeline-entry').first()).toHaveClass(/source-alerts/);
  await pane.getByRole('button', { name: 'Alerts', exact: true }).click();

  await pane.getByLabel('Search timeline').fill('options roll back');
  const row = pane.locator('.timeline .timeline-entry', { hasText: 'Options: (a) roll back' });
  const seq = await row.getAttribute('data-seq');
  await row.getByRole('button', { name: `Pin event ${seq}` }).click();
  await expect(pane.locator('.pinned-events')).toContainText('Options: (a) roll back');
  await row.getByLabel(`Mark event ${seq} as`).selectOption('decision');
  await expect(row.locator('.kind-badge')).toHaveText('decision');
  await pane.getByLabel('Search timeline').fill('');
  await pane.getByLabel('Quick note').fill('Customer reports started 5 minutes before the alert');
  await pane.getByLabel('Note kind').selectOption('observation');
  await pane.getByLabel('Quick note').press('Enter');
  await expect(pane.locator('.timeline')).toContainText('Customer reports started 5 minutes before the alert');

  await page.reload();
  await page.locator('.app[data-ready="true"]').waitFor();
  await expect(page.locator('[data-pane="timeline"] .pinned-events')).toContainText('Options: (a) roll back');
  await page.getByLabel('Filter by kind').selectOption('decision');
  await expect(page.locator('.timeline')).toContainText('Options: (a) roll back');
});
