// A team on one laptop: first run asks who is using Firebreak (no operator given), then roles and a two-step commander
// handover reach the header and the timeline. Screenshots of the first-run dialog, the handover dialog and the header with
// roles are kept with the run's results in both themes.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openCockpit, startHost, stopHost, test } from './fixtures';

const viewport = { width: 1366, height: 768 };

async function expectAxeClean(page: Page, include: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(include).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
}

for (const scheme of ['dark', 'light'] as const) {
  test(`first run sets the identity; assign scribe, propose and record a handover (${scheme})`, async ({ page, dataDir }) => {
    // No --operator and no FIREBREAK_OPERATOR: this is a first run.
    const host = await startHost(dataDir, { FIREBREAK_OPERATOR: '' });
    try {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await openCockpit(page, host.url);

      const firstRun = page.getByRole('dialog', { name: 'Who is using Firebreak?' });
      await expect(firstRun).toBeVisible();
      await expect(firstRun).toContainText(/dev_[a-z2-7]{16}/);
      await page.screenshot({ path: test.info().outputPath(`first-run-${scheme}.png`) });
      await expectAxeClean(page, 'dialog[open]');
      await firstRun.getByLabel('Your name').fill('Ana Ruiz');
      await expect(firstRun.getByLabel('Handle')).toHaveValue('ana.ruiz');
      await firstRun.getByRole('button', { name: 'Start using Firebreak' }).click();
      await expect(firstRun).toBeHidden();

      await page.keyboard.press('Control+k');
      await page.getByRole('combobox', { name: 'Command' }).fill('declare');
      await page.keyboard.press('Enter');
      const declare = page.getByRole('dialog', { name: 'Declare incident' });
      // The commander defaults to the name just set, never the OS user.
      await expect(declare.getByLabel('Commander', { exact: true })).toHaveValue('Ana Ruiz');
      await declare.getByLabel('Title', { exact: true }).fill('Checkout latency over 3 s');
      await declare.getByLabel(/SEV2/).check();
      await declare.getByLabel(/Affected services/).fill('checkout-api');
      await declare.getByRole('button', { name: 'Declare incident' }).click();

      const header = page.getByTestId('incident-header');
      await expect(header.getByRole('heading', { name: 'Checkout latency over 3 s' })).toBeVisible();
      await expect(header.getByTestId('commander')).toHaveText('Ana Ruiz');
      await page.getByLabel('Quick note').fill('Action: check the payment provider status page');
      await page.getByLabel('Quick note').press('Enter');

      // Assign the scribe from the header.
      await header.getByRole('button', { name: 'Roles…' }).click();
      const roles = page.getByRole('dialog', { name: 'Roles' });
      await roles.getByLabel('Role', { exact: true }).selectOption('scribe');
      await roles.getByLabel('Person').fill('Chen Li');
      await roles.getByRole('button', { name: 'Assign role' }).click();
      await expect(roles.getByRole('row', { name: /Scribe/ })).toContainText('Chen Li');
      await roles.getByLabel('Role', { exact: true }).selectOption('comms-lead');
      await roles.getByLabel('Person').fill('Dana');
      await roles.getByRole('button', { name: 'Assign role' }).click();
      await expect(roles.getByRole('row', { name: /Comms lead/ })).toContainText('Dana');
      await page.screenshot({ path: test.info().outputPath(`roles-${scheme}.png`) });
      await expectAxeClean(page, 'dialog[open]');
      await roles.getByRole('button', { name: 'Close' }).click();
      await expect(header.getByTestId('team-facts')).toContainText('Scribe Chen Li');

      // Propose the handover from the palette; the note is pre-filled from the incident.
      await page.keyboard.press('Control+k');
      await page.getByRole('combobox', { name: 'Command' }).fill('hand over command');
      await page.keyboard.press('Enter');
      const handover = page.getByRole('dialog', { name: 'Hand over command' });
      await expect(handover.getByLabel('Handover note')).toHaveValue(/Status: Investigating · SEV2/);
      await expect(handover.getByLabel('Handover note')).toHaveValue(/Open checklist steps:/);
      await handover.getByLabel('New commander').fill('Ben Okafor');
      await page.screenshot({ path: test.info().outputPath(`handover-${scheme}.png`) });
      await expectAxeClean(page, 'dialog[open]');
      await handover.getByRole('button', { name: 'Propose handover' }).click();
      await expect(header.getByRole('button', { name: 'Handover to Ben Okafor proposed' })).toBeVisible();

      // Ben is not on this laptop: the current commander records the handover.
      await handover.getByRole('button', { name: 'Record handover to Ben Okafor' }).click();
      await expect(handover).toBeHidden();
      await expect(header.getByTestId('commander')).toHaveText('Ben Okafor');
      await expect(header.getByRole('button', { name: /Handover to/ })).toHaveCount(0);
      await page.screenshot({ path: test.info().outputPath(`header-roles-${scheme}.png`), clip: { x: 0, y: 0, width: 1366, height: 200 } });
      await expectAxeClean(page, '[data-testid="incident-header"]');

      const timeline = page.getByRole('list', { name: 'Timeline events' });
      await expect(timeline).toContainText('Command handed over from Ana Ruiz to Ben Okafor (recorded by Ana Ruiz (@ana.ruiz))');
      await expect(timeline).toContainText('Handover of command proposed: Ana Ruiz → Ben Okafor');
      await expect(timeline).toContainText('Comms lead: Dana');
      await page.getByLabel('Search timeline').fill('scribe');
      await expect(timeline).toContainText('Scribe: Chen Li');
    } finally {
      await stopHost(host);
    }
  });
}

test('a named operator (FIREBREAK_OPERATOR) is never asked who they are', async ({ page, host }) => {
  await openCockpit(page, host.url);
  await expect(page.getByTestId('incident-header')).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Who is using Firebreak?' })).toHaveCount(0);
});
