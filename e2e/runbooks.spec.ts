// User journey for runbooks: search the library (with a typo), read a runbook, attach it to an incident, work steps, reload.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openCockpit, test, waitForCockpit } from './fixtures';
import { declareIncident } from './journeys';

test('search the library, attach the hot-fix runbook, tick steps, and keep progress across a reload', async ({ page, host }) => {
  writeFileSync(join(host.dataDir, 'runbooks', 'broken.md'), '---\ntitle: [never closed\n---\n# Half-written runbook\n- [ ] step\n');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  await openCockpit(page, host.url);
  await declareIncident(page, { title: 'Checkout coupon crash', severity: 'SEV2' });

  const pane = page.getByRole('region', { name: 'Runbooks' });
  await expect(pane).toContainText('No runbook attached yet');
  await pane.getByRole('button', { name: 'Runbook library…' }).click();
  const library = page.getByRole('dialog', { name: 'Runbook library' });

  // The broken file is listed with an error badge; the rest of the library is there too.
  const broken = library.locator('[data-runbook-id="local/broken"]');
  await expect(broken.getByRole('note')).toContainText('not valid YAML');
  await expect(library.getByRole('list', { name: 'Runbooks' }).getByRole('listitem')).toHaveCount(7);

  // Typo-tolerant, prefix search.
  await library.getByLabel('Search runbooks').fill('hotfix canry');
  const results = library.getByRole('list', { name: 'Runbooks' }).getByRole('listitem');
  await expect(results).toHaveCount(1);
  await results.first().getByRole('button').click();

  const viewer = library.getByRole('article', { name: /Runbook: Hot-fix lifecycle/ });
  await expect(viewer.getByRole('heading', { name: 'Classify severity' })).toBeVisible();
  await viewer.locator('button[data-copy-code]').first().click();
  await expect(viewer.locator('button[data-copy-code]').first()).toHaveText('Copied');
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toContain('kubectl -n checkout rollout history deploy/checkout-api');

  await viewer.getByRole('button', { name: 'Attach to incident' }).click();
  await expect(viewer.getByRole('button', { name: 'Attached' })).toBeDisabled();
  await library.getByRole('button', { name: 'Close' }).click();

  const card = pane.getByRole('article', { name: /Checklist: Hot-fix lifecycle/ });
  const progress = card.getByRole('progressbar');
  await expect(progress).toHaveAttribute('aria-valuenow', '0');
  const steps = card.locator('li.checklist-step');
  await steps.nth(0).getByRole('checkbox').click();
  await expect(steps.nth(0)).toHaveAttribute('data-status', 'done');
  await steps.nth(1).getByRole('checkbox').click();
  await expect(steps.nth(1)).toHaveAttribute('data-status', 'done');

  const third = steps.nth(2);
  await third.hover();
  await third.getByRole('button', { name: 'Skip…' }).click();
  await third.getByLabel('Reason for skipping').fill('Channel opened by the pager bot');
  await third.getByRole('button', { name: 'Skip step' }).click();
  await expect(third).toHaveAttribute('data-status', 'skipped');

  const fourth = steps.nth(3);
  await fourth.hover();
  await fourth.getByRole('button', { name: 'Assign…' }).click();
  await fourth.getByLabel('Owner').fill('ben.ops');
  await fourth.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(fourth.locator('.step-owner')).toHaveText('@ben.ops');

  await expect(progress).toHaveAttribute('aria-valuenow', '7');
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Skipped “Open the incident channel');

  await page.reload();
  await waitForCockpit(page);
  const reloaded = page.getByRole('region', { name: 'Runbooks' }).getByRole('article', { name: /Checklist: Hot-fix lifecycle/ });
  await expect(reloaded.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '7');
  await expect(reloaded.getByRole('progressbar')).toHaveAttribute('aria-valuetext', '2 done, 1 skipped of 40');
  await expect(reloaded.locator('li.checklist-step').nth(2)).toContainText('Channel opened by the pager bot');
  await expect(reloaded.locator('li.checklist-step').nth(3).locator('.step-owner')).toHaveText('@ben.ops');
});
