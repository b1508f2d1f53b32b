// Tests for the background sync of linked Jira issues / PagerDuty incidents into open incidents.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncidentStore } from '../store/incident-store';
import { ConnectorPoller } from './connector-poller';
import { ConnectorSettings } from './connector-settings';
import { MemoryVault } from './testing/memory-vault';

let dir: string;
let store: IncidentStore;
let settings: ConnectorSettings;

const declare = (id: string) =>
  store.create(id, { type: 'incident.declared', actor: 'ic', payload: { title: `Incident ${id}`, severity: 'SEV2', commander: 'ic', services: [] } });
const linkJira = (id: string) => store.append(id, [{ type: 'jira.issue_linked', actor: 'ic', payload: { issueKey: 'OPS-1', summary: 's', status: 'To Do', url: 'u', created: false } }]);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fb-poller-'));
  store = await IncidentStore.open(dir);
  settings = new ConnectorSettings(dir, new MemoryVault());
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ConnectorPoller', () => {
  it('syncs only open incidents with links, for configured connectors, and remembers failures', async () => {
    await declare('2026-11-25-open-linked-aaaaaa');
    await linkJira('2026-11-25-open-linked-aaaaaa');
    await declare('2026-11-25-resolved-bbbbbb');
    await linkJira('2026-11-25-resolved-bbbbbb');
    await store.append('2026-11-25-resolved-bbbbbb', [{ type: 'incident.status_changed', actor: 'ic', payload: { from: 'investigating', to: 'resolved' } }]);
    await declare('2026-11-25-unlinked-cccccc');
    const synced: string[] = [];
    const poller = new ConnectorPoller(store, settings, {
      jira: {
        sync: async (id) => {
          synced.push(id);
          throw new Error('Jira answered 503');
        },
      },
      pagerDuty: { sync: async () => synced.push('pd') },
    });
    await poller.pollOnce();
    expect(synced).toEqual([]); // nothing configured yet
    await settings.saveJira({ siteUrl: 'https://acme.atlassian.net', email: 'ic@example.com', apiToken: 'token-123456' });
    await poller.pollOnce();
    expect(synced).toEqual(['2026-11-25-open-linked-aaaaaa']);
    expect(poller.lastErrors.get('2026-11-25-open-linked-aaaaaa/jira')).toBe('Jira answered 503');
  });
});
