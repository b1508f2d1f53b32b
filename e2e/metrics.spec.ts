// Live metrics journey: a real Prometheus + Alertmanager, configured for the checkout service; the cockpit charts it and lists the alert.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMetricsServers, type MetricsServers } from '../electron/core/metrics/testing/prometheus-fixture';
import { expect, openCockpit, test } from './fixtures';
import { declareIncident } from './journeys';

let servers: MetricsServers;

test.beforeAll(async () => {
  servers = await startMetricsServers();
  // Above the rule's 0.5 threshold from the start, so the alert fires within a few seconds.
  servers.errorRatio.set(0.8);
});
test.afterAll(async () => servers?.stop());

test('the cockpit charts live Prometheus data for the incident and lists the firing alert', async ({ page, host }) => {
  writeFileSync(
    join(host.dataDir, 'metrics.json'),
    JSON.stringify({
      prometheus: [{ id: 'local', name: 'Local', baseUrl: servers.prometheusUrl }],
      alertmanager: { baseUrl: servers.alertmanagerUrl },
      refreshSeconds: 2,
      leadInMinutes: 1,
      services: { checkout: [{ id: 'errors', title: 'Checkout error ratio', promql: 'checkout_error_ratio', unit: 'ratio', thresholds: [{ value: 0.5, kind: 'slo', label: 'SLO' }] }] },
    }),
  );
  await openCockpit(page, host.url);
  await declareIncident(page, { title: 'Checkout errors spiking', severity: 'SEV2', services: 'checkout' });

  const pane = page.getByRole('region', { name: 'Live metrics' });
  const panel = pane.getByRole('article', { name: 'Checkout error ratio' });
  await expect(panel.locator('[data-freshness="live"]')).toBeVisible({ timeout: 20_000 });
  // A flat line has a zero-height box, so check the drawn path rather than visibility.
  await expect(panel.locator('.recharts-line path.recharts-curve').first()).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/, { timeout: 20_000 });
  await expect(pane.locator('.alert-item[data-alertname="CheckoutErrorRatioHigh"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Alert firing: CheckoutErrorRatioHigh', { timeout: 20_000 });

  // Review playback shows what was captured by that moment, labelled as captured, never live data.
  // Playback lives in the header's Review menu while the incident is live.
  await page.getByTestId('incident-header').getByText('Review', { exact: true }).click();
  await page.getByRole('button', { name: '▶ Review playback' }).click();
  await page.keyboard.press('End');
  await expect(pane.locator('[data-freshness="captured"]').first()).toBeVisible();
  await expect(pane).toHaveAttribute('data-live', 'false');
  await expect(pane.locator('.alert-item[data-alertname="CheckoutErrorRatioHigh"]')).toBeVisible();
  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect(panel.locator('[data-freshness="live"]')).toBeVisible();

  // Settings: Test connection names what answered.
  await pane.getByRole('button', { name: 'Metrics settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Metrics settings' });
  await settings.getByRole('button', { name: 'Test connection' }).first().click();
  await expect(settings.getByRole('status').first()).toContainText('Connected to Prometheus 2.42');
  await settings.getByRole('button', { name: 'Cancel' }).click();

  // An ad-hoc panel with invalid PromQL is refused with Prometheus's own words.
  await pane.getByRole('button', { name: 'Add panel' }).click();
  const form = pane.getByRole('form', { name: 'Add a PromQL panel' });
  await form.getByLabel('PromQL').fill('sum(checkout_error_ratio');
  await form.getByRole('button', { name: 'Add panel' }).click();
  await expect(form.getByRole('alert')).toContainText('parse error');
});
