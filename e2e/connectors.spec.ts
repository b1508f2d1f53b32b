// Connectors journey against local Jira / PagerDuty stand-ins (spec-validated): configure, import a PagerDuty incident,
// link a Jira issue, post a note to both through the outbox, and see it all on the timeline.
import { JiraStandIn } from '../electron/core/connectors/testing/jira-stand-in';
import { PagerDutyStandIn } from '../electron/core/connectors/testing/pagerduty-stand-in';
import { expect, openCockpit, startHost, stopHost, test } from './fixtures';
import { declareIncident } from './journeys';

let jira: JiraStandIn;
let pd: PagerDutyStandIn;

test.beforeAll(async () => {
  jira = await new JiraStandIn().start();
  pd = await new PagerDutyStandIn().start();
});
test.afterAll(async () => {
  await jira?.close();
  await pd?.close();
});

test('import a PagerDuty incident, link a Jira issue, post a note to both, see them on the timeline', async ({ page, dataDir }) => {
  const pdIncident = pd.seedIncident({ title: 'Checkout 5xx spike' });
  jira.seedIssue({ key: 'OPS-7', summary: 'Checkout 5xx spike (incident ticket)' });
  // The vault key comes from the environment, so the test never writes a key file into the user's home.
  const host = await startHost(dataDir, { FIREBREAK_VAULT_KEY: 'e'.repeat(64) });
  try {
    await openCockpit(page, host.url);
    await declareIncident(page, { title: 'Placeholder incident', severity: 'SEV3' });

    const pane = page.getByRole('region', { name: 'Jira & PagerDuty' });
    await pane.getByRole('button', { name: 'Set up connectors…' }).click();
    const settings = page.getByRole('dialog', { name: 'Connectors' });
    const jiraForm = settings.getByRole('form', { name: 'Jira settings' });
    await jiraForm.getByLabel('Site URL').fill(jira.url);
    await jiraForm.getByLabel('Atlassian account email').fill('ic@example.com');
    await jiraForm.getByLabel('API token').fill('jira-token');
    await jiraForm.getByRole('button', { name: 'Save' }).click();
    await expect(jiraForm.getByRole('status')).toContainText('Connected');
    const pdForm = settings.getByRole('form', { name: 'PagerDuty settings' });
    await pdForm.getByLabel('REST API token').fill('pd-token');
    await pdForm.getByLabel(/From email/).fill('dana@example.com');
    await pdForm.getByText('API addresses').click();
    await pdForm.getByLabel('REST API URL').fill(pd.url);
    await pdForm.getByLabel('Events API URL').fill(pd.url);
    await pdForm.getByRole('button', { name: 'Save' }).click();
    await expect(pdForm.getByRole('status')).toContainText('Connected');
    await expect(jiraForm.getByLabel('API token')).toHaveValue('');
    await settings.getByRole('button', { name: 'Close' }).click();

    await pane.getByRole('button', { name: 'PagerDuty incidents…' }).click();
    const incidents = page.getByRole('dialog', { name: 'PagerDuty incidents' });
    await incidents.locator(`[data-pd-incident="${pdIncident.id}"]`).getByRole('button', { name: 'Import' }).click();
    await expect(page.getByTestId('incident-header').getByRole('heading')).toHaveText('Checkout 5xx spike');

    await pane.getByLabel('Jira issue key').fill('OPS-7');
    await pane.getByRole('button', { name: 'Link issue' }).click();
    await expect(pane.locator('[data-issue="OPS-7"]')).toBeVisible();

    await pane.getByLabel('PagerDuty note').fill('Rolled back checkout to v41');
    await pane.locator('[data-section="pagerduty"]').getByRole('button', { name: 'Queue' }).click();
    await pane.getByLabel('Jira comment').fill('Rolled back **checkout** to v41');
    await pane.locator('[data-section="jira"]').getByRole('button', { name: 'Queue' }).click();

    // Remote link + note + comment all delivered, each exactly once.
    await expect(pane.locator('.outbox-item[data-status="sent"]')).toHaveCount(3, { timeout: 20_000 });
    expect(pdIncident.notes.filter((n) => n.content.includes('Rolled back checkout to v41'))).toHaveLength(1);
    expect(jira.issues.get('OPS-7')!.comments).toHaveLength(1);

    await pane.getByRole('button', { name: 'Read log & notes' }).click();
    const timeline = page.getByRole('list', { name: 'Timeline events' });
    await expect(timeline).toContainText('Linked PagerDuty incident #1 Checkout 5xx spike');
    await expect(timeline).toContainText('Linked Jira OPS-7');
    // Jira keys on the timeline link to the configured site (opened outside the app).
    await expect(timeline.locator('a', { hasText: 'OPS-7' }).first()).toHaveAttribute('href', /\/browse\/OPS-7$/);
    await expect(timeline).toContainText('Queued: PagerDuty note');
    await expect(timeline).toContainText('Queued: Comment on OPS-7');
    await expect(timeline).toContainText('PagerDuty: Triggered through the API');
    expect(jira.violations).toEqual([]);
    expect(pd.violations).toEqual([]);
  } finally {
    await stopHost(host);
  }
});
