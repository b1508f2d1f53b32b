// Steps many journeys share, written once: declaring an incident the way a commander does (palette → dialog).
import { expect, type Page } from '@playwright/test';

export interface Declaration {
  title: string;
  severity?: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
  commander?: string;
  services?: string;
}

/** Declares through the command palette and waits until the cockpit shows the new incident; returns its id. */
export async function declareIncident(page: Page, incident: Declaration): Promise<string> {
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('declare');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title', { exact: true }).fill(incident.title);
  if (incident.severity) await dialog.getByLabel(new RegExp(incident.severity)).check();
  await dialog.getByLabel('Commander', { exact: true }).fill(incident.commander ?? 'ana.ruiz');
  if (incident.services) await dialog.getByLabel(/Affected services/).fill(incident.services);
  await dialog.getByRole('button', { name: 'Declare incident' }).click();
  await expect(page.getByTestId('incident-header').getByRole('heading', { level: 1 })).toHaveText(incident.title);
  return (await page.locator('.cockpit').getAttribute('data-incident-id'))!;
}
