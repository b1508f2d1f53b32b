// The issue's whole stakeholder-update journey at 1366×768 in one run: declare a SEV1, get asked for the impact, publish to
// executives and customers at once to a Jira comment and the public status page, and check what each target received:
// the Jira comment's ADF carries the table the preview showed, and the status page folder is updated with the customers text.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JiraStandIn } from '../electron/core/connectors/testing/jira-stand-in';
import { expect, openCockpit, startHost, stopHost, test } from './fixtures';

interface AdfNode {
  type: string;
  text?: string;
  content?: AdfNode[];
}

const nodesOf = (node: AdfNode, type: string): AdfNode[] => [...(node.type === type ? [node] : []), ...(node.content ?? []).flatMap((c) => nodesOf(c, type))];
const textOf = (node: AdfNode): string => (node.text ?? '') + (node.content ?? []).map(textOf).join('');

let jira: JiraStandIn;
test.beforeAll(async () => {
  jira = await new JiraStandIn().start();
});
test.afterAll(async () => {
  await jira?.close();
});

test('SEV1: impact asked first, executives and customers published at once to Jira and the status page, the table intact', async ({ page, dataDir }) => {
  test.setTimeout(180_000);
  jira.seedIssue({ key: 'OPS-9', summary: 'Card payments declined (incident ticket)' });
  const site = test.info().outputPath('status-site');
  const read = (name: string) => (existsSync(join(site, name)) ? readFileSync(join(site, name), 'utf8') : '');
  // The vault key comes from the environment, so the test never writes a key file into the user's home.
  const host = await startHost(dataDir, { FIREBREAK_VAULT_KEY: 'f'.repeat(64) });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openCockpit(page, host.url);

    // The status page writes to a folder.
    await page.getByRole('complementary', { name: 'Start here' }).getByRole('button', { name: 'Open settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const section = settings.getByRole('region', { name: 'Public status page' });
    await section.getByLabel('Page title').fill('Acme status');
    await section.getByLabel('Folder (absolute path)').fill(site);
    await section.getByRole('button', { name: 'Save status page settings' }).click();
    await expect(section.getByRole('status')).toContainText('Saved');
    await settings.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: 'Declare incident' }).click();
    const declare = page.getByRole('dialog', { name: 'Declare incident' });
    await declare.getByLabel('Title', { exact: true }).fill('Card payments declined');
    await declare.getByRole('radio', { name: /SEV1/ }).check();
    await declare.getByLabel('Commander', { exact: true }).fill('ana.ruiz');
    await declare.getByLabel(/Affected services/).fill('checkout');
    await declare.getByRole('button', { name: 'Declare incident' }).click();
    await expect(page.getByTestId('incident-header').getByRole('heading', { level: 1 })).toHaveText('Card payments declined');

    // Jira is connected and the incident ticket linked.
    const connectors = page.getByRole('region', { name: 'Jira & PagerDuty' });
    await connectors.getByRole('button', { name: 'Set up connectors…' }).click();
    const connectorSettings = page.getByRole('dialog', { name: 'Connectors' });
    const jiraForm = connectorSettings.getByRole('form', { name: 'Jira settings' });
    await jiraForm.getByLabel('Site URL').fill(jira.url);
    await jiraForm.getByLabel('Atlassian account email').fill('ic@example.com');
    await jiraForm.getByLabel('API token').fill('jira-token');
    await jiraForm.getByRole('button', { name: 'Save' }).click();
    await expect(jiraForm.getByRole('status')).toContainText('Connected');
    await connectorSettings.getByRole('button', { name: 'Close' }).click();
    await connectors.getByLabel('Jira issue key').fill('OPS-9');
    await connectors.getByRole('button', { name: 'Link issue' }).click();
    await expect(page.getByRole('list', { name: 'Timeline events' })).toContainText('Linked Jira OPS-9');

    // Before the first update Firebreak asks for the impact and the next step.
    const pane = page.getByRole('region', { name: 'Stakeholder updates' });
    const publish = pane.getByRole('button', { name: /^Publish/ });
    await expect(publish).toBeDisabled();
    const facts = pane.getByRole('form', { name: 'Before the first update' });
    await facts.getByLabel('Who is affected').fill('EU card payments');
    await facts.getByLabel('How badly').fill('30% declined');
    await facts.getByLabel('Since when').fill('11:52 UTC');
    await facts.getByLabel('Next step', { exact: true }).fill('Failing over to the backup acquirer');
    await facts.getByRole('button', { name: 'Save impact and next step' }).click();

    // The executives' update carries a table; the preview shows it.
    const table = '| Region | Declined |\n| --- | --- |\n| EU | 30% |\n| UK | 4% |';
    const executives = pane.getByLabel('Draft for Executives');
    await executives.fill(`${await executives.inputValue()}\n\n${table}`);
    await expect(pane.getByLabel('Update preview').getByRole('cell', { name: '30%' })).toBeVisible();
    await pane.getByRole('tab', { name: /Customers/ }).click();
    await pane.getByLabel('Draft for Customers').fill('**Investigating** — Some card payments in the EU are declined.\nRetrying usually works.');

    // One publish: two audiences, Jira comment for both, the status page for customers.
    await pane.getByRole('button', { name: 'Audiences and channels…' }).click();
    await pane.getByLabel('Publish to Executives').check();
    await pane.getByLabel('Publish to Customers').check();
    await pane.getByRole('checkbox', { name: 'Clipboard' }).uncheck();
    await pane.getByRole('checkbox', { name: /Jira comment/ }).check();
    await pane.getByRole('checkbox', { name: /Status page/ }).check();
    await pane.getByRole('button', { name: 'Done' }).click();
    await expect(publish).toHaveText('Publish to 2 audiences');
    await expect(publish).toBeInViewport();
    await publish.click();
    const result = pane.getByRole('table', { name: 'Publish result' });
    await expect(result.getByRole('row', { name: /Executives/ })).toContainText('queued');
    await expect(result.getByRole('row', { name: /Customers/ })).toContainText('queued');

    // Jira: the executives' comment arrives as ADF whose table holds every cell the preview showed.
    const comments = () => (jira.issues.get('OPS-9')?.comments ?? []).map((c) => c.body as AdfNode);
    await expect.poll(() => comments().filter((body) => nodesOf(body, 'table').length > 0).length, { timeout: 30_000 }).toBe(1);
    const withTable = comments().find((body) => nodesOf(body, 'table').length > 0)!;
    const cells = [...nodesOf(withTable, 'tableHeader'), ...nodesOf(withTable, 'tableCell')].map(textOf);
    expect(cells).toEqual(['Region', 'Declined', 'EU', '30%', 'UK', '4%']);
    await expect.poll(() => comments().some((body) => textOf(body).includes('Some card payments in the EU are declined.')), { timeout: 30_000 }).toBe(true);

    // The status page: the customers' words, never the executives' table.
    await expect.poll(() => read('index.html'), { timeout: 30_000 }).toContain('Some card payments in the EU are declined.');
    expect(read('index.html')).not.toContain('4%');
    await expect.poll(() => read('feed.xml')).toContain('Card payments declined');
    expect(JSON.parse(read('summary.json')).incidents[0].name).toBe('Card payments declined');
  } finally {
    await stopHost(host);
  }
});
