// User journey at 1366×768: a runbook step whose action cannot run yet says why and links to the fix. "Start rollback"
// with no service leads to the service form, pre-filled with the service the incident was declared for; once it is saved,
// the same step pre-fills the rollback plan. "Open metrics" leads to the metrics settings, whose panel form starts from
// the declared service too. Both forms are checked with axe and photographed in both themes.
import AxeBuilder from '@axe-core/playwright';
import { expect, openCockpit, test, rpc } from './fixtures';

const viewport = { width: 1366, height: 768 };

async function expectAccessible(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`runbook step actions name the missing set-up, link to its form pre-filled from the incident, then pre-fill the plan (${scheme})`, async ({ page, host }) => {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const incident = await rpc<{ id: string }>(host, 'incidents.declare', { title: 'Checkout errors after deploy', severity: 'SEV1', commander: 'e2e.commander', services: ['checkout'] });
    const library = await rpc<{ runbooks: { id: string; title: string }[] }>(host, 'runbooks.list', {});
    const badDeploy = library.runbooks.find((r) => r.title.startsWith('Bad deploy'));
    expect(badDeploy, 'the bundled bad-deploy runbook').toBeTruthy();
    await rpc(host, 'runbooks.attach', { incidentId: incident.id, runbookId: badDeploy!.id });

    await openCockpit(page, host.url);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout errors after deploy/ }).click();
    const runbooks = page.getByRole('region', { name: 'Runbooks' });
    const rollbackStep = runbooks.locator('li.checklist-step', { has: page.getByRole('checkbox', { name: 'Roll back to the last known good version' }) });

    // The button is there but disabled, and it says the real cause; the link next to it is the fix.
    const start = rollbackStep.getByRole('button', { name: 'Start rollback' });
    await expect(start).toBeDisabled();
    await expect(start).toHaveAccessibleDescription('No service is configured');
    await expect(rollbackStep.getByTestId('step-action-blocked')).toContainText('Start rollback No service is configured — Add service');

    await rollbackStep.screenshot({ path: test.info().outputPath(`step-blocked-${scheme}.png`) });
    await rollbackStep.getByRole('button', { name: 'Add service' }).click();
    const editor = page.getByRole('dialog', { name: 'Add a service' });
    await expect(editor.getByLabel('Service name')).toHaveValue('checkout');
    await expect(editor.getByLabel('Deploy branch', { exact: true })).toHaveValue('main');
    await expect(editor.getByRole('checkbox', { name: /Revert the bad commits/ })).toBeChecked();
    const clonePath = editor.getByLabel('Git clone path');
    await expect(clonePath).toBeFocused();
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`service-form-1366-${scheme}.png`) });

    // Saved without a clone path: the core's reason is shown under that field, in words a person can act on.
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(clonePath).toHaveAccessibleDescription(/^Enter the absolute path of a local working clone/);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`service-form-error-1366-${scheme}.png`) });

    // The command strategy's fields appear when it is ticked; the health check closes the form.
    const command = editor.getByRole('checkbox', { name: /Run a command/ });
    await command.check();
    await editor.getByLabel('Health query (PromQL)').scrollIntoViewIfNeeded();
    await expect(editor.getByLabel('Rollback command')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`service-form-command-1366-${scheme}.png`) });
    await command.uncheck();

    await clonePath.fill('/srv/checkout');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();

    // Now the step runs: it opens the Rollback pane (even collapsed) with the plan pre-filled for the incident's service.
    await expect(start).toBeEnabled();
    await page.getByRole('button', { name: 'Collapse Rollback' }).click();
    await expect(page.getByRole('button', { name: 'Expand Rollback' })).toBeVisible();
    await start.click();
    const plan = page.getByRole('form', { name: 'Plan a rollback' });
    await expect(plan.getByLabel('Service')).toHaveValue('checkout');
    await expect(plan.getByLabel('Strategy')).toHaveValue('revert');
    await expect(plan.getByLabel('Service')).toBeFocused();
    await expect(plan.getByLabel('Service')).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Collapse Rollback' })).toBeVisible();

    // "Open metrics": Prometheus is not configured, and the fix opens the metrics settings.
    const metricsStep = runbooks.locator('li.checklist-step', { has: page.getByRole('checkbox', { name: /Line up the deploy time/ }) });
    await expect(metricsStep.getByRole('button', { name: 'Open metrics' })).toHaveAccessibleDescription('Prometheus is not configured');
    await metricsStep.getByRole('button', { name: 'Configure metrics' }).click();
    const settings = page.getByRole('dialog', { name: 'Metrics settings' });
    await settings.getByRole('button', { name: 'Add panels for a service' }).click();
    await expect(settings.getByLabel('Service', { exact: true })).toHaveValue('checkout');
    await settings.getByLabel('Title', { exact: true }).fill('Error rate');
    await settings.getByLabel('PromQL query').fill('sum(rate(http_requests_total{code=~"5.."}[1m]))');
    await settings.getByRole('button', { name: 'Add a threshold' }).click();
    await settings.getByLabel('Threshold 1 value').fill('0.5');
    await settings.getByRole('tab', { name: 'Advanced (JSON)' }).click();
    const json = JSON.parse(await settings.getByLabel('Panel catalogue (JSON)').inputValue()) as Record<string, { id: string; title: string; thresholds: { value: number }[] }[]>;
    expect(json.checkout?.[0]).toMatchObject({ id: 'error-rate', title: 'Error rate', thresholds: [{ value: 0.5, kind: 'warning' }] });
    await settings.getByRole('tab', { name: 'Form' }).click();
    await expect(settings.getByLabel('Title', { exact: true })).toHaveValue('Error rate');
    await settings.getByLabel('Title', { exact: true }).scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`panel-form-1366-${scheme}.png`) });
  });
}
