// User journey: a temp git repo configured as a service; plan a revert rollback, confirm it, watch it run, verify it, see it on the timeline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptedRepos, type ScriptedRepos } from '../electron/core/connectors/git/scripted-repos.test-support';
import { expect, openCockpit, stopHost, test, rpc } from './fixtures';

let repos: ScriptedRepos | undefined;
// The host is stopped first: it fetches into the clone in the background, and removing the clone under it fails.
test.afterEach(async ({ host }) => {
  await stopHost(host);
  repos?.cleanup();
});

test('revert rollback of a configured service, from plan to verified, with every step on the timeline', async ({ page, dataDir, host }) => {
  repos = scriptedRepos();
  const good = repos.commit('release 1.0', 'app.txt', 'version=1\n', '2026-03-01T08:00:00Z');
  repos.push();
  repos.tag('v1.0.0', good);
  repos.commit('PAY-1 switch payment provider', 'provider.txt', 'provider=new\n', new Date(Date.now() - 60_000).toISOString());
  const bad = repos.commit('PAY-2 raise timeout', 'app.txt', 'version=1\ntimeout=30\n', new Date(Date.now() - 30_000).toISOString());
  repos.push();
  const incident = await rpc<{ id: string }>(host, 'incidents.declare', { title: 'Checkout payments failing', severity: 'SEV2', commander: 'e2e.commander', services: ['checkout'] });
  expect((await rpc<{ capabilities: string[] }>(host, 'app.info', {})).capabilities).not.toContain('rollback');

  await openCockpit(page, host.url);
  await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout payments failing/ }).click();
  const pane = page.getByRole('region', { name: 'Rollback' });
  const timeline = page.getByRole('list', { name: 'Timeline events' });

  // Configure the service from the pane's form, which starts from the declared service; the core validates the entry and
  // its error is shown under the field it names.
  await expect(pane).toContainText('No services are configured');
  await pane.getByRole('button', { name: 'Add service' }).click();
  const editor = page.getByRole('dialog', { name: 'Add a service' });
  await expect(editor.getByLabel('Service name')).toHaveValue('checkout');
  const clonePath = editor.getByLabel('Git clone path');
  await expect(clonePath).toBeFocused();
  await clonePath.fill('clone');
  await expect(editor.getByLabel('Deploy branch', { exact: true })).toHaveValue('main');
  await expect(editor.getByLabel('Release tag pattern')).toHaveValue('v*');
  await editor.getByRole('checkbox', { name: /Move the deploy branch or tag back/ }).uncheck();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('alert')).toContainText('git.clonePath: The clone path must be absolute');
  await expect(clonePath).toHaveAccessibleDescription(/^The clone path must be absolute/);
  await clonePath.fill(repos.clone);
  // The advanced view shows the same entry as JSON, and edits there come back to the form.
  await editor.getByRole('tab', { name: 'Advanced (JSON)' }).click();
  const json = editor.getByLabel('Service entry (JSON)');
  const entry = JSON.parse(await json.inputValue()) as Record<string, unknown>;
  expect(entry).toEqual({ name: 'checkout', git: { clonePath: repos.clone, remote: { name: 'origin' } }, deploy: { branch: 'main', releaseTagPattern: 'v*' }, rollback: { strategies: [{ kind: 'revert' }] } });
  await json.fill(JSON.stringify({ ...entry, rollback: { strategies: [{ kind: 'revert' }, { kind: 'move-ref' }] } }));
  await editor.getByRole('tab', { name: 'Form' }).click();
  await expect(editor.getByRole('checkbox', { name: /Move the deploy branch or tag back/ })).toBeChecked();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  expect(JSON.parse(readFileSync(join(dataDir, 'services.json'), 'utf8')).services[0].name).toBe('checkout');
  expect((await rpc<{ capabilities: string[] }>(host, 'app.info', {})).capabilities).toContain('rollback');

  await pane.getByRole('button', { name: 'Put git history on timeline' }).click();
  // The background poller may have brought some of them first: together they are the 3 commits back to release v1.0.0.
  await expect(pane.getByRole('status')).toContainText(/\d new commit\(s\) and \d tag\(s\) from refs\/heads\/main since/);
  await expect(timeline).toContainText('PAY-2 raise timeout');

  await pane.getByLabel('Strategy').selectOption('revert');
  await pane.getByRole('button', { name: 'Plan rollback' }).click();
  const card = pane.locator('.rollback-card');
  await expect(card).toHaveAttribute('data-stage', 'planned');
  await expect(card.getByRole('list', { name: 'Commits' })).toContainText('PAY-2 raise timeout');
  await expect(card.getByRole('list', { name: 'Commits' })).toContainText('PAY-1 switch payment provider');
  await expect(card).toContainText(bad.slice(0, 8));
  await expect(card).toContainText('v1.0.0');

  // Approvals are recorded by the approver as themselves; the operator's own approval is shown but never counts as a second one.
  await card.getByRole('button', { name: 'Approve as e2e.commander' }).click();
  await expect(card.getByLabel('Approvals')).toHaveText('Approved by e2e.commander (@e2e.commander)');
  await card.getByRole('button', { name: 'Confirm…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Roll back checkout?' });
  const go = dialog.getByRole('button', { name: 'Roll back checkout' });
  await dialog.getByLabel(/Type checkout to confirm/).fill('checkou');
  await expect(go).toBeDisabled();
  await dialog.getByLabel(/Type checkout to confirm/).fill('checkout');
  await expect(dialog.getByTestId('approval-status')).toHaveText('No one else approved this plan; this service does not require it.');
  await go.click();

  await expect(card).toHaveAttribute('data-stage', 'completed', { timeout: 20_000 });
  await expect(card.getByRole('list', { name: 'Progress' })).toContainText('Push');
  await expect(card).not.toContainText('approved by');
  await card.getByLabel('Verification note').fill('5xx back to baseline');
  await card.getByRole('button', { name: 'Verified healthy' }).click();
  await expect(card).toContainText('Verified healthy by e2e.commander: 5xx back to baseline');

  // The timeline is virtualized and newest first, and the steps push the confirmation below the fold on a short window:
  // search narrows it to the rollback's milestones, as a commander would, so every one of them is on screen.
  await page.getByLabel('Search timeline').fill('Rollback of checkout');
  await expect(timeline).toContainText('Rollback of checkout confirmed by e2e.commander');
  await expect(timeline).not.toContainText('confirmed by e2e.commander, approved by');
  await expect(timeline).toContainText('Rollback of checkout completed');
  await expect(timeline).toContainText('Rollback of checkout verified healthy');
  await expect(pane.getByRole('list', { name: 'Rollback audit trail' })).toContainText('completed, verified healthy');

  const remote = repos.remoteSha();
  expect(repos.git(repos.bare, 'rev-parse', `${remote}^`)).toBe(bad);
  expect(repos.git(repos.bare, 'rev-parse', `${remote}^{tree}`)).toBe(repos.git(repos.bare, 'rev-parse', `${good}^{tree}`));
  const events = await rpc<{ events: { type: string }[] }>(host, 'timeline.events', { incidentId: incident.id });
  expect(events.events.map((e) => e.type)).toEqual(expect.arrayContaining(['git.commit', 'rollback.planned', 'rollback.confirmed', 'rollback.step', 'rollback.completed', 'rollback.verified']));
});
