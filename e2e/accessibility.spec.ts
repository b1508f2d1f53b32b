// Accessibility: the cockpit (demo incident), the declare dialog and the command palette pass axe checks; reduced motion is honoured.
import AxeBuilder from '@axe-core/playwright';
import { expect, openCockpit, test } from './fixtures';

const axe = (page: import('@playwright/test').Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);

for (const scheme of ['dark', 'light'] as const) {
  test(`the cockpit has no axe violations (${scheme} theme)`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await openCockpit(page, host.url);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout latency and 5xx/ }).click();
    await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('status', { name: 'Events shown' })).toHaveText(/events/);
    const results = await axe(page).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}

test('dialogs and the palette have no axe violations and are keyboard operable', async ({ page, host }) => {
  await openCockpit(page, host.url);
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Command' })).toBeFocused();
  expect((await axe(page).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.type('declare');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await expect(dialog.getByLabel('Title', { exact: true })).toBeFocused();
  expect((await axe(page).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
