// User journey: a hot fix through the track in Chromium — open it from a SEV3 (criteria not met, overridden with a reason),
// choose the rollback strategy, cut the fix branch from the deployed tag and link it (real git diff stat against the tag), run
// the targeted tests with streamed output, collect two approvals (the author is refused), then the controlled rollout: the
// canary stage, its canary analysis against a real Prometheus scraping a scripted service (canary and baseline tracks), and
// 100% on a click; then verification by the health query on that Prometheus, the annotated tag pushed with a lease to the
// bare remote, the Jira comment and follow-up ticket delivered to the Jira stand-in through the outbox, closing as shipped, and
// the review draft's hot-fix section.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptedRepos, type ScriptedRepos } from '../electron/core/connectors/git/scripted-repos.test-support';
import { startCanaryPrometheus, type CanaryPrometheus } from '../electron/core/hotfix/rollout/canary-prometheus.test-support';
import { JiraStandIn } from '../electron/core/connectors/testing/jira-stand-in';
import { expect, openCockpit, rpc, test } from './fixtures';
import { CANARY_ERROR_RATIO, canaryAnalysis, hostsWithSavedIdentity, rolloutStage } from './hotfix-fixtures';

let repos: ScriptedRepos | undefined;
let prom: CanaryPrometheus | undefined;
let jira: JiraStandIn | undefined;
test.beforeAll(async () => {
  prom = await startCanaryPrometheus();
  jira = await new JiraStandIn().start();
});
test.afterAll(async () => {
  await prom?.stop();
  await jira?.close();
});

interface AdfNode {
  text?: string;
  content?: AdfNode[];
}
const textOf = (node: AdfNode): string => (node.text ?? '') + (node.content ?? []).map(textOf).join('');

const hostWithSavedIdentity = hostsWithSavedIdentity(() => repos?.cleanup());

/** Switches who uses this installation through Settings → You, then brings the maximised Hot fix pane back. */
async function actAs(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: 'Settings…', exact: true }).click();
  const you = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'You' });
  await you.getByRole('button', { name: 'Change name or handle…' }).click();
  await you.getByLabel('Your name').fill(name);
  await you.getByLabel('Handle').fill(name);
  await you.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(you.getByRole('button', { name: 'Change name or handle…' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('region', { name: 'Hot fix' }).getByRole('button', { name: 'Maximise Hot fix' }).click();
}



test('open → override the criteria → rollback strategy → link the change → rapid tests → approvals → canary rollout to 100% → verify → tag → Jira → review, at 1366×768 in both themes', async ({ page, dataDir }) => {
  test.setTimeout(240_000);
  // The vault key comes from the environment (Jira's token is kept in the vault), so no key file lands in the user's home.
  const host = await hostWithSavedIdentity(dataDir, { FIREBREAK_VAULT_KEY: 'c'.repeat(64) });
  jira!.seedIssue({ key: 'PAY-3', summary: 'Checkout timeouts (incident ticket)' });
  await page.setViewportSize({ width: 1366, height: 768 });
  repos = scriptedRepos();
  const release = repos.commit('release 1.3', 'app.txt', 'version=1.3\ntimeout=30\n', '2026-12-01T09:00:00Z');
  repos.push();
  repos.tag('v1.3.0', release);
  // Work went on after the release; the hot fix must start from the deployed tag, not from main.
  repos.commit('next feature', 'feature.txt', 'wip\n', '2026-12-02T07:00:00Z');
  repos.push();
  await rpc(host, 'services.put', {
    service: {
      name: 'checkout',
      git: { clonePath: repos.clone, remote: { name: 'origin' } },
      deploy: { branch: 'main', releaseTagPattern: 'v*' },
      rollback: { strategies: [{ kind: 'revert' }] },
      // After 100% the health check asks the same Prometheus: the canary's error ratio must stay under 5%.
      health: { promql: CANARY_ERROR_RATIO, threshold: 0.05, windowSeconds: 20 },
      rollout: {
        stages: [rolloutStage('canary-5', 'Canary 5%', 5, { bakeSeconds: 6, advance: 'on-click' }), rolloutStage('all-traffic', 'All traffic', 100, { analyze: false })],
        analysis: canaryAnalysis,
      },
      hotfix: {
        testCommand: {
          command: process.execPath,
          // Prints, then waits until the test lets it finish: the output must reach the pane while the command still runs.
          args: ['-e', "const fs=require('fs');const t=fs.readFileSync('app.txt','utf8');console.log('checking app.txt: '+t.split('\\n')[1]);const i=setInterval(()=>{if(fs.existsSync(process.env.HF_GO)){clearInterval(i);process.exit(t.includes('timeout=10')?0:1)}},50)"],
          env: { HF_GO: join(repos.root, 'go') },
          timeoutMs: 60_000,
        },
      },
    },
  });
  // The canary analysis asks this Prometheus through the metrics capability.
  writeFileSync(join(host.dataDir, 'metrics.json'), JSON.stringify({ prometheus: [{ id: 'local', name: 'Local', baseUrl: prom!.prometheusUrl }], refreshSeconds: 5, leadInMinutes: 0, services: {} }));
  const incident = await rpc<{ id: string }>(host, 'incidents.declare', { title: 'Checkout timeouts', severity: 'SEV3', commander: 'e2e.commander', services: ['checkout'] });
  // Jira is connected and the incident ticket linked (the connector journeys cover doing that by hand).
  await rpc(host, 'jira.settings.save', { siteUrl: jira!.url, email: 'ic@example.com', apiToken: 'jira-token' });
  await rpc(host, 'jira.link', { incidentId: incident.id, issueKey: 'PAY-3' });

  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout timeouts/ }).click();
  await page.getByRole('region', { name: 'Hot fix' }).getByRole('button', { name: 'Maximise Hot fix' }).click();
  const pane = page.getByRole('region', { name: 'Hot fix' });

  const open = pane.getByRole('form', { name: 'Open a hot fix' });
  await expect(open.getByLabel('Service')).toHaveValue('checkout');
  await open.getByLabel('Symptom it fixes').fill('Checkouts time out after 30 s');
  await open.getByLabel('Intended minimal change').fill('Lower the payment timeout to 10 s');
  await open.getByRole('button', { name: 'Open hot fix' }).click();

  const blockers = pane.getByRole('status', { name: 'What blocks the rollout' });
  await expect(blockers).toContainText('This should be a patch: SEV3 is not a hot-fix severity (SEV1, SEV2); no customer impact has been stated.');
  await expect(pane.getByText(/^HF-\d{8}-1$/)).toBeVisible();
  const override = pane.getByRole('form', { name: 'Override the hot-fix criteria' });
  await override.getByRole('button', { name: 'Override the criteria' }).click();
  await expect(override.getByRole('alert')).toContainText('Give a reason');
  await override.getByLabel('Reason to go ahead anyway').fill('Payment partner deadline tonight');
  await override.getByRole('button', { name: 'Override the criteria' }).click();
  await expect(pane.getByRole('listitem', { name: 'Hot-fix criteria: Done' })).toContainText('Overridden: Payment partner deadline tonight');

  await pane.getByRole('form', { name: 'Choose the rollback strategy' }).getByRole('button', { name: 'Choose strategy' }).click();
  await expect(pane.getByRole('listitem', { name: 'Rollback plan: Done' })).toContainText('reverting the fix on refs/heads/main');

  // Firebreak cuts the fix branch from the deployed release; an engineer pushes the fix to it.
  const hotfixId = (await pane.getByText(/^HF-\d{8}-1$/).textContent())!;
  await pane.getByRole('button', { name: `Create branch hotfix/${hotfixId} from the deployed release` }).click();
  await expect(pane.getByRole('listitem', { name: 'Change: To do' })).toContainText(`Branch hotfix/${hotfixId} was created on origin from v1.3.0: push the fix there`);
  expect(repos.remoteSha(`refs/heads/hotfix/${hotfixId}`)).toBe(release);
  const work = repos.otherClone();
  repos.git(work, 'checkout', '--quiet', `hotfix/${hotfixId}`);
  repos.commit('PAY-7 lower the checkout timeout', 'app.txt', 'version=1.3\ntimeout=10\n', '2026-12-02T09:00:00Z', work);
  repos.push(`hotfix/${hotfixId}`, work);

  const link = pane.getByRole('form', { name: 'Link the change' });
  const refs = link.getByLabel('Fix branch or commit(s)');
  await expect(refs).toHaveValue(`hotfix/${hotfixId}`);
  await refs.fill('no-such-branch');
  await link.getByRole('button', { name: 'Link change' }).click();
  await expect(link.getByRole('alert')).toContainText('"no-such-branch" is neither a branch');
  await refs.fill(`hotfix/${hotfixId}`);
  await link.getByRole('button', { name: 'Link change' }).click();
  const change = pane.getByRole('listitem', { name: 'Change: Done' });
  await expect(change).toContainText(`hotfix/${hotfixId} against v1.3.0`);
  await expect(change).toContainText('+1 −1');

  await pane.getByRole('button', { name: 'Run targeted tests' }).click();
  const running = pane.getByRole('listitem', { name: 'Rapid tests: To do' });
  await expect(running).toContainText('Targeted tests running');
  await expect(running.getByLabel('Test output')).toContainText('checking app.txt: timeout=10');
  await expect(running.getByRole('button', { name: 'Cancel tests' })).toBeVisible();
  writeFileSync(join(repos.root, 'go'), '');
  const tests = pane.getByRole('listitem', { name: 'Rapid tests: Done' });
  await expect(tests).toContainText('Targeted tests passed');
  await expect(tests.getByLabel('Test output')).toContainText('checking app.txt: timeout=10');

  const approve = pane.getByRole('form', { name: 'Approve the hot fix' });
  // No typed approver: each approves as the person using the installation, and the author is refused.
  await expect(approve.getByLabel('Approver')).toHaveCount(0);
  await approve.getByRole('button', { name: 'Approve as e2e.commander' }).click();
  await expect(approve.getByRole('alert')).toContainText('e2e.commander wrote or opened this hot fix and cannot approve it');
  await actAs(page, 'omar');
  await approve.getByRole('button', { name: 'Approve as omar' }).click();
  await expect(blockers).toContainText('1 more approval needed (2 approvers).');
  await actAs(page, 'lea');
  await approve.getByLabel('Comment (optional)').fill('one line, tested');
  await approve.getByRole('button', { name: 'Approve as lea' }).click();
  await expect(pane.getByRole('listitem', { name: 'Approval: Done' })).toContainText('Approved by omar, lea');
  await expect(pane.getByRole('list', { name: 'Approvals' })).toContainText('@lea');
  await actAs(page, 'e2e.commander');
  await expect(blockers).toHaveCount(0);
  const rolloutStep = pane.getByRole('listitem', { name: 'Controlled rollout: To do' });
  await expect(rolloutStep).toContainText('Approved — start the rollout');
  const approvals = pane.getByRole('list', { name: 'Approvals' });
  await approvals.getByText('What was approved').last().click();
  await expect(approvals).toContainText('against v1.3.0: 1 file, +1 −1');

  // The controlled rollout: the canary stage runs, the analysis watches canary against baseline, and waits for the go.
  await rolloutStep.getByRole('button', { name: 'Start the rollout' }).click();
  const rollout = pane.getByRole('region', { name: 'Controlled rollout' });
  await expect(rollout.getByRole('status')).toHaveText('Canary 5% passed. Waiting for your go to start All traffic.', { timeout: 60_000 });
  const canary = rollout.getByRole('listitem', { name: 'Canary 5%: Done' });
  await expect(canary.getByLabel('Output of Canary 5%')).toContainText('traffic on the fix: 5%');
  const analysis = canary.getByRole('group', { name: 'Canary analysis after Canary 5%' });
  await expect(analysis).toContainText('Passed');
  await expect(analysis).toContainText(/Error ratio: canary 0\.0\d+ vs baseline 0\.0\d+ — within the allowed difference of 0\.02/);
  await expect(analysis.getByRole('figure', { name: 'Error ratio: canary and baseline' }).locator('.recharts-line')).toHaveCount(2);
  await rollout.scrollIntoViewIfNeeded();
  // The pointer stays where the start button was, over the chart now: move it off so no tooltip covers the lines.
  await page.mouse.move(0, 0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await rollout.screenshot({ path: test.info().outputPath(`hotfix-rollout-analysis-1366-${scheme}.png`) });
    await page.screenshot({ path: test.info().outputPath(`hotfix-rollout-pane-1366-${scheme}.png`) });
  }
  await rollout.getByRole('button', { name: 'Start All traffic' }).click();
  await expect(rollout.getByRole('status')).toHaveText('Every stage done: the fix is at 100%. Verify it next.', { timeout: 30_000 });
  await expect(rollout.getByRole('listitem', { name: 'All traffic: Done' })).toContainText('traffic on the fix: 100%');
  await expect(pane.getByRole('listitem', { name: 'Controlled rollout: Done' })).toContainText('Reached 100%');
  await expect(pane.getByRole('listitem', { name: 'Verification: To do' })).toBeVisible();

  // Verification: the health query runs against the real Prometheus.
  await pane.getByRole('button', { name: 'Run the health check' }).click();
  await expect(pane.getByRole('listitem', { name: 'Verification: Done' })).toContainText(/healthy \(health query: 0\.0\d+ under 0\.05\)/, { timeout: 30_000 });
  // The annotated tag, pushed with a lease: the bare remote has it, its message tracing the fix to the incident.
  await pane.getByRole('button', { name: 'Create and push the tag' }).click();
  await expect(pane.getByRole('listitem', { name: 'Tag: Done' })).toContainText('v1.3.0-hf.1 pushed to origin');
  const tagMessage = repos.git(repos.bare, 'cat-file', '-p', 'refs/tags/v1.3.0-hf.1');
  expect(tagMessage).toContain(`object ${repos.remoteSha(`refs/heads/hotfix/${hotfixId}`)}`);
  expect(tagMessage).toContain(`Incident: ${incident.id}`);
  expect(tagMessage).toContain(`Hot fix: ${hotfixId}`);
  expect(tagMessage).toContain('Jira: PAY-3');
  expect(tagMessage).toContain('Approvers: omar, lea');
  // Jira: a comment on the incident's ticket and a follow-up patch ticket, delivered through the outbox.
  const tell = pane.getByRole('form', { name: 'Tell Jira' });
  await tell.getByRole('button', { name: 'Queue comment and follow-up ticket' }).click();
  await expect(pane.getByRole('listitem', { name: 'Jira and follow-up: Done' })).toContainText('Comment on PAY-3; follow-up in PAY');
  await expect.poll(() => (jira!.issues.get('PAY-3')?.comments ?? []).map((c) => textOf(c.body as AdfNode)).join('\n'), { timeout: 20_000 }).toContain(`Hot fix ${hotfixId} shipped and verified for checkout.`);
  await expect
    .poll(() => [...jira!.issues.values()].map((i) => i.summary), { timeout: 20_000 })
    .toContain(`Fold ${hotfixId} into the next checkout release and add the regression test`);
  expect(jira!.issues.get('PAY-3')!.comments).toHaveLength(1);
  await pane.getByRole('button', { name: 'Close as shipped' }).click();
  await expect(pane.getByText('Closed (shipped)')).toBeVisible();
  await expect(rollout.getByRole('status')).toHaveText('Every stage done: the fix is at 100%.');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.screenshot({ path: test.info().outputPath(`hotfix-maximised-1366-${scheme}.png`) });
    const results = await new AxeBuilder({ page }).include('[data-pane="hotfix"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  }
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Timeline events' });
  await expect(timeline).toContainText(/Rollout of HF-\d{8}-1 to checkout completed: every stage done/);
  // The approval is older than the rollout's events: narrow the virtualized, newest-first timeline to find it.
  await page.getByLabel('Search timeline').fill('approved by lea');
  await expect(timeline).toContainText(/Hot fix HF-\d{8}-1 approved by lea/);
  await page.getByLabel('Search timeline').fill('');
  await page.getByLabel('Search timeline').blur();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.screenshot({ path: test.info().outputPath(`hotfix-cockpit-1366-${scheme}.png`) });
  }

  // The review draft carries the hot-fix section: the diff, tests, approvals, stages with their analysis, verification, tag, Jira.
  await page.getByTestId('incident-header').getByText('Review', { exact: true }).click();
  await page.getByRole('group', { name: 'Review tools' }).getByRole('button', { name: 'Post-incident review…' }).click();
  const review = page.getByRole('dialog', { name: 'Post-incident review' });
  const text = review.getByLabel('Review text');
  await expect(text).toHaveValue(new RegExp(`### ${hotfixId} — checkout \\(closed\\)`));
  await expect(text).toHaveValue(new RegExp(`- \\*\\*Diff:\\*\\* hotfix/${hotfixId} against v1\\.3\\.0: 1 file, \\+1 −1`));
  await expect(text).toHaveValue(/- \*\*Approvals:\*\* omar \(.+\), lea \(.+\)/);
  await expect(text).toHaveValue(/- \*\*Verification:\*\* healthy \(health query 0\.0\d+ vs 0\.05\)/);
  await expect(text).toHaveValue(new RegExp(`- \\*\\*Tag:\\*\\* v1\\.3\\.0-hf\\.1 at [0-9a-f]{8} · \\*\\*Jira:\\*\\* PAY-3, follow-up “Fold ${hotfixId} into the next checkout release`));
  await expect(text).toHaveValue(/Canary 5%/);
});

test('Settings → Hot fixes: the team policy is saved to the data folder and used by the next hot fix', async ({ page, host, dataDir }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: 'Settings…', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const form = settings.getByRole('form', { name: 'Hot-fix policy' });
  await form.getByLabel(/Identifier pattern/).fill('HF <n>');
  await form.getByRole('button', { name: 'Save hot-fix policy' }).click();
  await expect(form.getByRole('alert')).toContainText('Use letters, digits, dot, dash and underscore');
  await expect(form.getByLabel(/Identifier pattern/)).toHaveValue('HF <n>');
  await form.getByLabel(/Identifier pattern/).fill('PAY-HF-<yyyymmdd>-<n>');
  await form.getByLabel('CAB list (names, separated by commas)').fill('Omar, Lea');
  await form.getByLabel('SEV1 approvers').fill('2');
  await form.getByRole('button', { name: 'Save hot-fix policy' }).click();
  await expect(form.getByText('Saved')).toBeVisible();
  const saved = JSON.parse(readFileSync(join(dataDir, 'hotfix-policy.json'), 'utf8')) as { idPattern: string; cab: string[]; approvals: { SEV1: { approvers: number } } };
  expect(saved).toMatchObject({ idPattern: 'PAY-HF-<yyyymmdd>-<n>', cab: ['Omar', 'Lea'], approvals: { SEV1: { approvers: 2, cabOnly: true } } });
  await form.scrollIntoViewIfNeeded();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.screenshot({ path: test.info().outputPath(`hotfix-settings-1366-${scheme}.png`) });
  }
  await settings.getByRole('button', { name: 'Close' }).click();
  const incident = await rpc<{ id: string }>(host, 'incidents.declare', { title: 'Payments down', severity: 'SEV1', commander: 'e2e.commander', services: ['payments'] });
  await rpc(host, 'services.put', { service: { name: 'payments' } });
  const opened = await rpc<{ id: string; approvalRule: { approvers: number }; cab: string[] }>(host, 'hotfix.open', { incidentId: incident.id, service: 'payments', symptom: 'Payments fail', intendedChange: 'Restore the retry' });
  expect(opened.id).toMatch(/^PAY-HF-\d{8}-1$/);
  expect(opened).toMatchObject({ approvalRule: { approvers: 2 }, cab: ['Omar', 'Lea'] });
});
