// The explicit readiness marker the cockpit sets once its first data has loaded: tests wait on it instead of sleeping.
import { expect, type Page } from '@playwright/test';

export async function waitForCockpit(page: Page): Promise<void> {
  await expect(page.getByTestId('firebreak-app')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
}
