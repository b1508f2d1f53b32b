// User journey: an approved hot fix (set up through the API) is rolled out from the pane; the canary's error ratio is far
// above the baseline's on a real Prometheus, so the canary analysis fails, the rollout aborts and the rollback is offered;
// one click plans it with the hot fix's strategy and focuses its confirmation in the Rollback pane.
// Screenshots of the failed analysis at 1366×768 in both themes, and the pane is axe clean.
import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptedRepos, type ScriptedRepos } from '../electron/core/connectors/git/scripted-repos.test-support';
import { startCanaryPrometheus, type CanaryPrometheus } from '../electron/core/hotfix/rollout/canary-prometheus.test-support';
import { expect, openCockpit, rpc, test } from './fixtures';
import { CANARY_ERROR_RATIO, canaryAnalysis, hostsWithSavedIdentity } from './hotfix-fixtures';

let repos: ScriptedRepos | undefined;
let prom: CanaryPrometheus | undefined;
test.beforeAll(async () => {
  prom = await startCanaryPrometheus();
});
test.afterAll(async () => prom?.stop());
const hostWithSavedIdentity = hostsWithSavedIdentity(() => repos?.cleanup());



test('a canary whose error ratio rises fails its analysis: the rollout aborts and the rollback is offered', async ({ page, dataDir }) => {
  const host = await hostWithSavedIdentity(dataDir);
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  prom!.setErrorRatio('canary', 0.3);
  prom!.setErrorRatio('baseline', 0.01);
  repos = scriptedRepos();
  const release = repos.commit('release 1.3', 'app.txt', 'version=1.3\ntimeout=30\n', '2026-12-01T09:00:00Z');
  repos.push();
  repos.tag('v1.3.0', release);
  repos.git(repos.clone, 'checkout', '--quiet', '-b', 'hotfix/checkout-timeout', 'v1.3.0');
  repos.commit('PAY-7 lower the checkout timeout', 'app.txt', 'version=1.3\ntimeout=10\n', '2026-12-02T09:00:00Z');
  repos.push('hotfix/checkout-timeout');
  repos.git(repos.clone, 'checkout', '--quiet', 'main');
  // The fix is merged to the deploy branch as it ships; rolling it back reverts it there, back to the deployed v1.3.0.
  repos.git(repos.clone, 'merge', '--quiet', '--ff-only', 'hotfix/checkout-timeout');
  repos.push();
  await rpc(host, 'services.put', {
    service: {
      name: 'checkout',
      git: { clonePath: repos.clone, remote: { name: 'origin' } },
      deploy: { branch: 'main', releaseTagPattern: 'v*' },
      rollback: { strategies: [{ kind: 'revert' }] },
      rollout: {
        stages: [
          { id: 'canary-5', label: 'Canary 5%', percent: 5, run: { command: process.execPath, args: ['-e', 'console.log("traffic on the fix: 5%")'] }, bakeSeconds: 6, advance: 'automatic' },
          { id: 'all-traffic', label: 'All traffic', percent: 100, run: { command: process.execPath, args: ['-e', 'console.log("traffic on the fix: 100%")'] }, analyze: false },
        ],
        analysis: canaryAnalysis,
      },
    },
  });
  // The canary's error ratio is also a chart of the incident: the rollout's stages are marked on it.
  const canaryErrors = { id: 'canary-errors', title: 'Canary error ratio', promql: CANARY_ERROR_RATIO, unit: 'ratio' };
  writeFileSync(join(host.dataDir, 'metrics.json'), JSON.stringify({ prometheus: [{ id: 'local', name: 'Local', baseUrl: prom!.prometheusUrl }], refreshSeconds: 5, leadInMinutes: 0, services: { checkout: [canaryErrors] } }));
  const incident = await rpc<{ id: string }>(host, 'incidents.declare', { title: 'Checkout timeouts', severity: 'SEV2', commander: 'e2e.commander', services: ['checkout'] });
  const incidentId = incident.id;
  const hotfix = await rpc<{ id: string }>(host, 'hotfix.open', { incidentId, service: 'checkout', symptom: 'Checkouts time out after 30 s', intendedChange: 'Lower the payment timeout to 10 s' });
  const ids = { incidentId, hotfixId: hotfix.id };
  await rpc(host, 'hotfix.overrideCriteria', { ...ids, reason: 'Impact confirmed by support, not yet stated' });
  await rpc(host, 'hotfix.chooseRollback', { ...ids, strategy: 'revert' });
  await rpc(host, 'hotfix.linkChange', { ...ids, refs: ['hotfix/checkout-timeout'] });
  await rpc(host, 'hotfix.recordCi', { ...ids, url: 'https://ci.example.test/runs/7', outcome: 'passed' });
  for (const approver of ['omar', 'lea']) {
    await rpc(host, 'identity.save', { name: approver, handle: approver });
    await rpc(host, 'hotfix.approve', ids);
  }
  await rpc(host, 'identity.save', { name: 'e2e.commander', handle: 'e2e.commander' });

  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout timeouts/ }).click();
  await page.getByRole('region', { name: 'Hot fix' }).getByRole('button', { name: 'Maximise Hot fix' }).click();
  const pane = page.getByRole('region', { name: 'Hot fix' });
  await pane.getByRole('listitem', { name: 'Controlled rollout: To do' }).getByRole('button', { name: 'Start the rollout' }).click();

  const rollout = pane.getByRole('region', { name: 'Controlled rollout' });
  await expect(rollout.getByRole('status')).toHaveText('Stopped at Canary 5%: The canary analysis after "Canary 5%" failed; the rollout stopped there.', { timeout: 60_000 });
  const analysis = rollout.getByRole('group', { name: 'Canary analysis after Canary 5%' });
  await expect(analysis).toContainText('Failed');
  await expect(analysis).toContainText(/Error ratio: canary 0\.\d+ vs baseline 0\.0\d+ — 0\.\d+ higher, over the allowed difference of 0\.02/);
  await expect(analysis).toContainText(/Mann-Whitney U \(one-sided\) says the canary is higher — p = [\d.e-]+ < α 0\.05/);
  await expect(analysis.getByRole('figure', { name: 'Error ratio: canary and baseline' }).locator('.recharts-line')).toHaveCount(2);
  await expect(rollout.getByRole('listitem', { name: 'All traffic: Not started' })).toBeVisible();
  await expect(rollout.getByRole('note', { name: 'Rollback' })).toContainText('Plan and confirm the revert rollback of checkout in the Rollback pane.');
  // The hot fix is approved again: it can be rolled out once more, or rolled back.
  await expect(rollout.getByRole('button', { name: 'Start the rollout again' })).toBeVisible();

  await rollout.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await rollout.screenshot({ path: test.info().outputPath(`hotfix-rollout-failed-1366-${scheme}.png`) });
    const results = await new AxeBuilder({ page }).include('[data-pane="hotfix"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  }
  // One click plans the guarded rollback with the hot fix's strategy; the cockpit comes back with that plan's Confirm focused.
  const offer = rollout.getByRole('note', { name: 'Rollback' });
  await offer.getByRole('button', { name: 'Plan the revert rollback of checkout to v1.3.0' }).click();
  const planned = page.getByRole('region', { name: 'Rollback' }).getByRole('article', { name: 'Rollback of checkout' });
  await expect(planned.getByRole('button', { name: 'Confirm…' })).toBeFocused();
  await expect(planned).toContainText('PAY-7 lower the checkout timeout');
  await expect(pane.getByRole('note', { name: 'Rollback' })).toContainText('The revert rollback of checkout is planned: review and confirm it in the Rollback pane.');
  // The live chart marks where the canary stage moved traffic and where the rollout stopped (deploy markers).
  const chart = page.getByRole('region', { name: 'Live metrics' }).getByRole('article', { name: 'Canary error ratio' });
  await expect(chart.locator('.marker-deploy')).toHaveCount(2, { timeout: 20_000 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.screenshot({ path: test.info().outputPath(`hotfix-rollback-planned-1366-${scheme}.png`) });
    await chart.screenshot({ path: test.info().outputPath(`hotfix-rollout-markers-1366-${scheme}.png`) });
  }
  await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Rollback of checkout offered (revert): Plan and confirm the revert rollback of checkout in the Rollback pane.');
});
