// The commander's first minutes on a 1366×768 laptop, keyboard first, in both themes: declare a SEV1 in a handful of
// keystrokes, focus lands in the note composer, dialogs trap focus and close on Esc, resolving asks for a confirmation
// and a note, Undo appends a reverting change, and axe finds nothing.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openCockpit, test } from './fixtures';

const axe = (page: Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
const violations = async (page: Page) => (await axe(page).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
const screenshotDir = process.env.FIREBREAK_SCREENSHOT_DIR;

async function shoot(page: Page, name: string) {
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/${name}.png` });
}

/** Counts every key press, so the journey proves its keystroke budget. */
function keyCounter(page: Page) {
  let count = 0;
  return {
    press: async (key: string) => {
      count += 1;
      await page.keyboard.press(key);
    },
    type: async (text: string) => {
      count += text.length;
      await page.keyboard.type(text);
    },
    get count() {
      return count;
    },
  };
}

for (const scheme of ['dark', 'light'] as const) {
  test.describe(`${scheme} theme at 1366×768`, () => {
    test.use({ viewport: { width: 1366, height: 768 }, colorScheme: scheme });
    // Each journey drives several dialogs and runs axe twice against the full cockpit: allow for that on a shared machine.
    test.setTimeout(180_000);

    test('a SEV1 is declared from the keyboard in at most 20 keystrokes (title aside), and focus lands in the composer', async ({ page, host }) => {
      await openCockpit(page, host.url);
      const keys = keyCounter(page);
      await keys.press('Control+k');
      await keys.type('decl');
      await keys.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Declare incident' });
      await expect(dialog.getByLabel('Title', { exact: true })).toBeFocused();
      await page.keyboard.type('Checkout requests failing in eu-west'); // the title is the commander's words, not a cost
      await keys.press('Tab');
      await expect(dialog.getByRole('radio', { name: /SEV2/ })).toBeFocused();
      await keys.press('ArrowUp');
      await expect(dialog.getByRole('radio', { name: /SEV1/ })).toBeChecked();
      // Not cut off at 1366×768: the whole button is on screen.
      await expect(dialog.getByRole('button', { name: 'Declare incident' })).toBeInViewport({ ratio: 1 });
      await shoot(page, `declare-${scheme}`);
      expect(await violations(page)).toEqual([]);
      await keys.press('Enter');

      await expect(dialog).toHaveCount(0);
      const header = page.getByTestId('incident-header');
      await expect(header.getByRole('heading', { name: 'Checkout requests failing in eu-west' })).toBeVisible();
      await expect(header.locator('button.sev-chip')).toHaveText('SEV1');
      await expect(page.locator('#note-composer')).toBeFocused();
      expect(keys.count).toBeLessThanOrEqual(20);

      // The new SEV1 leads the active incidents in the sidebar.
      const active = page.getByRole('list', { name: 'Active incidents' });
      await expect(active.getByRole('button').first()).toContainText('Checkout requests failing in eu-west');
    });

    test('dialogs trap focus and close on Esc, returning focus; a second incident with the same title is warned about', async ({ page, host }) => {
      await openCockpit(page, host.url);
      const declareButton = page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: 'Declare incident' });
      await declareButton.click();
      const dialog = page.getByRole('dialog', { name: 'Declare incident' });
      await dialog.getByLabel('Title', { exact: true }).fill('Payments API timing out');
      await dialog.getByRole('button', { name: 'Declare incident' }).click();
      await expect(dialog).toHaveCount(0);

      await declareButton.click();
      await expect(dialog.getByLabel('Title', { exact: true })).toBeFocused();
      for (let i = 0; i < 14; i++) {
        await page.keyboard.press('Tab');
        // The focused element is always inside the dialog (the page behind is inert, Tab wraps).
        await expect(dialog.locator(':focus')).toHaveCount(1);
      }
      await dialog.getByLabel('Title', { exact: true }).fill('payments api  timing out');
      await expect(dialog.getByRole('alert')).toContainText('already has this title');
      await expect(dialog.getByRole('button', { name: 'Declare a second incident' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await expect(declareButton).toBeFocused();
    });

    test('resolving asks for a confirmation and a note; Undo appends a reverting change', async ({ page, host }) => {
      await openCockpit(page, host.url);
      await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: 'Declare incident' }).click();
      const declare = page.getByRole('dialog', { name: 'Declare incident' });
      await declare.getByLabel('Title', { exact: true }).fill('Login errors for EU customers');
      await declare.getByRole('radio', { name: /SEV1/ }).check();
      await declare.getByRole('button', { name: 'Declare incident' }).click();
      const status = page.getByTestId('incident-header').getByRole('combobox', { name: 'Status' });
      await expect(status).toHaveValue('investigating');

      await status.selectOption('resolved');
      const confirm = page.getByRole('dialog', { name: 'Resolve SEV1 incident?' });
      await expect(confirm).toBeVisible();
      await expect(status).toHaveValue('investigating');
      await expect(confirm.getByLabel(/Resolution note/)).toBeFocused();
      await shoot(page, `resolve-confirm-${scheme}`);
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(confirm).toHaveCount(0);
      await expect(status).toHaveValue('investigating');

      await status.selectOption('resolved');
      await confirm.getByLabel(/Resolution note/).fill('Reverted the session-store change; error rate at baseline for 15 minutes');
      await page.keyboard.press('Control+Enter');
      await expect(confirm).toHaveCount(0);
      await expect(status).toHaveValue('resolved');
      const toast = page.getByTestId('toast').filter({ hasText: 'Status changed to Resolved' });
      await toast.getByRole('button', { name: 'Undo' }).click();
      await expect(status).toHaveValue('investigating');
      // Both changes are on the log: nothing was edited away.
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await expect(timeline).toContainText('Reverted the session-store change');
      await expect(timeline).toContainText('Undo: reverted the change to Resolved');
      expect(await violations(page)).toEqual([]);
      await shoot(page, `cockpit-${scheme}`);
    });
  });
}
