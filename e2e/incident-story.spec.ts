// User journey from declaration to review draft against a real Prometheus + Alertmanager and a real git remote: the alert and
// the deploy history reach the timeline on their own, the bad release is rolled back and verified, and the review draft
// names the alert, the bad release with its Jira key, and the rollback.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptedRepos, type ScriptedRepos } from '../electron/core/connectors/git/scripted-repos.test-support';
import { startMetricsServers, type MetricsServers } from '../electron/core/metrics/testing/prometheus-fixture';
import { expect, openCockpit, stopHost, test, type RunningHost } from './fixtures';
import { declareIncident } from './journeys';

let servers: MetricsServers | undefined;
let repos: ScriptedRepos | undefined;
test.afterEach(async ({ host }) => {
  // The host is stopped first: it fetches into the clone in the background, and removing the clone under it fails.
  await stopHost(host);
  await servers?.stop();
  repos?.cleanup();
});

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

async function events(host: RunningHost, incidentId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  const response = await fetch(`${host.origin}/api/rpc/timeline.events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ incidentId, afterSeq: 0, limit: 20000 }),
  });
  const result = (await response.json()) as { ok: boolean; value: { events: { type: string; payload: Record<string, unknown> }[] } };
  return result.value.events;
}

test('from declaration to a review draft that names the alert, the bad release and the rollback', async ({ page, host }) => {
  test.setTimeout(180_000);
  servers = await startMetricsServers();
  repos = scriptedRepos();
  // Releases older than six hours: v1.2.0 two days ago, the bad v1.3.0 eight hours ago.
  repos.commit('PAY-3 faster search', 'app.txt', 'version=1.2\n', ago(48 * HOUR));
  repos.push();
  repos.tag('v1.2.0', repos.remoteSha());
  const bad = repos.commit('PAY-42 retry payments twice', 'app.txt', 'version=1.3\nretries=2\n', ago(8 * HOUR));
  repos.push();
  repos.tag('v1.3.0', bad);
  writeFileSync(join(host.dataDir, 'metrics.json'), JSON.stringify({ prometheus: [{ id: 'local', name: 'Local', baseUrl: servers.prometheusUrl }], alertmanager: { baseUrl: servers.alertmanagerUrl }, refreshSeconds: 2, services: {} }));
  writeFileSync(
    join(host.dataDir, 'services.json'),
    JSON.stringify({ services: [{ name: 'checkout', git: { clonePath: repos.clone, remote: { name: 'origin' } }, deploy: { branch: 'main', releaseTagPattern: 'v*' }, rollback: { strategies: [{ kind: 'revert' }] } }] }),
  );

  await openCockpit(page, host.url);
  const id = await declareIncident(page, { title: 'Checkout payments charged twice', severity: 'SEV2', services: 'checkout' });
  expect(id).toMatch(/checkout-payments-charged-twice/);

  // The alert fires; it reaches the timeline by itself.
  servers.errorRatio.set(0.9);
  const timeline = page.getByRole('list', { name: 'Timeline events' });
  await expect(timeline).toContainText('Alert firing: CheckoutErrorRatioHigh', { timeout: 30_000 });

  // The deploy history back to the two releases before the incident reached the timeline on declaring.
  await expect.poll(async () => (await events(host, id)).filter((e) => e.type === 'git.tag').map((e) => e.payload.tag).sort(), { timeout: 30_000 }).toEqual(['v1.2.0', 'v1.3.0']);

  // Roll the bad release back to the previous one and verify it.
  const pane = page.getByRole('region', { name: 'Rollback' });
  await pane.getByLabel('Strategy').selectOption('revert');
  await pane.getByRole('button', { name: 'Plan rollback' }).click();
  const card = pane.locator('.rollback-card');
  // Planning fetches the remote and walks its history: give it the time git takes on a busy machine.
  await expect(card).toHaveAttribute('data-stage', 'planned', { timeout: 30_000 });
  await expect(card).toContainText('v1.2.0');
  await card.getByRole('button', { name: 'Confirm…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Roll back checkout?' });
  await confirm.getByLabel(/Type checkout to confirm/).fill('checkout');
  await confirm.getByRole('button', { name: 'Roll back checkout' }).click();
  await expect(card).toHaveAttribute('data-stage', 'completed', { timeout: 30_000 });
  await card.getByLabel('Verification note').fill('Double charges stopped');
  await card.getByRole('button', { name: 'Verified healthy' }).click();
  await expect(card).toContainText('Verified healthy by e2e.commander');

  // Timeline rows in both themes on a laptop screen: happened-at first, recorded-at and a late marker where they differ.
  await page.setViewportSize({ width: 1366, height: 768 });
  // Jump to time lives in the timeline's Filters popover.
  const timelinePane = page.getByRole('region', { name: 'Timeline' });
  await timelinePane.getByText('Filters', { exact: true }).click();
  await timelinePane.getByRole('textbox', { name: 'Jump to time' }).fill('00:00:00');
  await timelinePane.getByText(/^Filters/).click();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: test.info().outputPath(`story-timeline-${colorScheme}.png`) });
  }

  // The review draft tells the story from the evidence.
  await page.getByTestId('incident-header').getByText('Review', { exact: true }).click();
  await page.getByRole('group', { name: 'Review tools' }).getByRole('button', { name: 'Post-incident review…' }).click();
  const review = page.getByRole('dialog', { name: 'Post-incident review' });
  const text = review.getByLabel('Review text');
  await expect(text).toHaveValue(/Alert CheckoutErrorRatioHigh fired for checkout \(page\): Checkout error ratio above 50% — runbook https:\/\/runbooks\.example\.com/);
  await expect(text).toHaveValue(/- Bad release: checkout v1\.3\.0 at [0-9a-f]{8} \(PAY-42\) — rolled back to v1\.2\.0 .* UTC, verified healthy .* UTC/);
  await expect(text).toHaveValue(/Rollback of checkout completed/);
  await expect(text).toHaveValue(/- Mitigated: \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await expect(text).toHaveValue(/- Detected: \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
});
