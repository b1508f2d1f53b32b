// Review playback: scrub the demo incident to the middle and see the whole cockpit as it was at that moment.
import { projectChecklists } from '../shared/runbooks/checklist';
import { buildTimelineRows } from '../shared/timeline/timeline-view';
import { demoEvents, updatesPublishedBy } from './demo-incident';
import { expect, openCockpit, test, waitForCockpit } from './fixtures';

test('scrubbing the demo incident to the middle shows the cockpit as it was then', async ({ page, host }) => {
  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout latency and 5xx/ }).click();
  const header = page.getByTestId('incident-header');
  await expect(header.getByLabel('Status')).toHaveValue('resolved');

  // Playback lives in the header's Review menu while the incident is live.

  await page.getByTestId('incident-header').getByText('Review', { exact: true }).click();

  await page.getByRole('button', { name: '▶ Review playback' }).click();
  const scrubber = page.getByRole('slider', { name: 'Playback position' });
  const min = Number(await scrubber.getAttribute('min'));
  const max = Number(await scrubber.getAttribute('max'));
  await scrubber.fill(String(Math.round((min + max) / 2)));
  const moment = Number(await scrubber.inputValue());
  const byThen = demoEvents.filter((e) => Date.parse(e.ts) <= moment);

  // About 39 minutes in: rolled back, the hot-fix canary under way — severity raised, status mitigating, not yet resolved.
  await expect(page.locator('.cockpit')).toHaveAttribute('data-playback', 'true');
  await expect(header.getByLabel('Status')).toHaveValue('mitigating');
  await expect(header.getByLabel('Status')).toBeDisabled();
  await expect(header.getByRole('button', { name: 'SEV1' })).toBeVisible();
  await expect(header.locator('[data-key="resolved"] time')).toHaveText('—');
  await expect(header.locator('[data-key="acknowledged"] time')).not.toHaveText('—');
  const meta = await page.getByRole('region', { name: 'Timeline' }).getByRole('status', { name: 'Events shown' }).textContent();
  const shown = Number(/(\d+) events/.exec(meta ?? '')![1]);
  expect(shown).toBe(buildTimelineRows(byThen).length);
  expect(shown).toBeLessThan(buildTimelineRows(demoEvents).length);
  const search = page.getByLabel('Search timeline');
  await search.fill('deploy started');
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Deploy started: checkout-api 5.31.1 (canary 5%)');
  await search.fill('status');
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Status Identified → Mitigating');
  await expect(page.getByRole('list', { name: 'Timeline events' })).not.toContainText('Monitoring → Resolved');
  await search.fill('');

  // The other panes show that moment too, read-only: the updates published so far, the rollback verified by then, the
  // checklist as far as it had got, and the charts as captured up to then.
  const updates = page.getByRole('region', { name: 'Stakeholder updates' });
  await expect(updates).toHaveAttribute('data-playback', 'true');
  await expect(updates.locator('.pane-meta')).toHaveText(`${updatesPublishedBy(moment)} published by then`);
  await expect(updates.locator('[data-audience="executives"]')).toContainText('After the rollback');
  await expect(page.getByRole('article', { name: 'Rollback of checkout-api' })).toContainText('completed, verified healthy');
  const checklist = projectChecklists(byThen)[0]!.progress;
  await expect(page.getByRole('article', { name: /^Checklist: Hot-fix lifecycle/ }).getByRole('progressbar')).toHaveAttribute(
    'aria-valuetext',
    `${checklist.done} done, ${checklist.skipped} skipped of ${checklist.total}`,
  );
  await expect(page.getByRole('region', { name: 'Live metrics' }).getByRole('article', { name: 'Checkout 5xx ratio' }).locator('.recharts-line path.recharts-curve').first()).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);

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
  const pane = page.getByRole('region', { name: 'Timeline' });
  await pane.getByLabel('Search timeline').fill('keep-alive');
  await expect(pane.getByRole('status', { name: 'Events shown' })).toHaveText(/^\d+ of \d+ events$/);
  await expect(pane.getByRole('list', { name: 'Timeline events' })).toContainText('payments-client 2.14.0 dropped HTTP keep-alive');
  await pane.getByLabel('Search timeline').fill('');
  // Source chips and the other filters are folded into the Filters popover.
  await pane.getByText('Filters', { exact: true }).click();
  await pane.getByRole('button', { name: 'Alerts', exact: true }).click();
  await expect(pane.getByRole('list', { name: 'Timeline events' }).getByRole('listitem').first().locator('.timeline-entry')).toHaveClass(/source-alerts/);
  await pane.getByRole('button', { name: 'Alerts', exact: true }).click();
  await pane.getByText(/^Filters/).click();

  await pane.getByLabel('Search timeline').fill('dropped HTTP keep-alive');
  const row = pane.getByRole('list', { name: 'Timeline events' }).getByRole('listitem').filter({ hasText: 'payments-client 2.14.0 dropped HTTP keep-alive' });
  const pin = row.getByRole('button', { name: /^Pin event \d+$/ });
  const seq = /\d+/.exec((await pin.getAttribute('aria-label')) ?? '')?.[0];
  await pin.click();
  await expect(pane.getByLabel('Pinned events')).toContainText('payments-client 2.14.0 dropped HTTP keep-alive');
  await row.getByLabel(`Mark event ${seq} as`).selectOption('decision');
  await expect(row.locator('.kind-badge')).toHaveText('decision');
  await pane.getByLabel('Search timeline').fill('');
  await pane.getByLabel('Quick note').fill('Customer reports started 5 minutes before the alert');
  await pane.getByLabel('Note kind').selectOption('observation');
  await pane.getByLabel('Quick note').press('Enter');
  await expect(pane.getByRole('list', { name: 'Timeline events' })).toContainText('Customer reports started 5 minutes before the alert');

  await page.reload();
  await waitForCockpit(page);
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('list', { name: 'Pinned events' })).toContainText('payments-client 2.14.0 dropped HTTP keep-alive');
  await page.getByRole('region', { name: 'Timeline' }).getByText('Filters', { exact: true }).click();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByLabel('Pinned events')).toContainText('payments-client 2.14.0 dropped HTTP keep-alive');
  await page.getByLabel('Filter by kind').selectOption('decision');
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('payments-client 2.14.0 dropped HTTP keep-alive');
});
