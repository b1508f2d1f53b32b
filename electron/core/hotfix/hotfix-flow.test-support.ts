// Test support: a data dir with a declared SEV2 incident (customer impact stated), a service catalogue entry with a hot-fix
// block, real git repos (release v1.3.0 on main, a fix branch cut from it) and a hot-fix service over them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncidentEvent } from '../../../shared/events';
import type { HotfixState } from '../../../shared/hotfix/hotfix-state';
import type { Severity } from '../../../shared/incidents/severity';
import { scriptedRepos, type ScriptedRepos } from '../connectors/git/scripted-repos.test-support';
import { ServiceCatalogue } from '../services/service-catalogue';
import { IncidentStore } from '../store/incident-store';
import { HotfixPolicyFile } from './hotfix-policy-file';
import { HotfixService, type HotfixServiceDeps } from './hotfix-service';

export const INCIDENT = '2026-12-02-checkout-timeouts-abc123';

export interface HotfixFixture {
  repos: ScriptedRepos;
  store: IncidentStore;
  catalogue: ServiceCatalogue;
  policy: HotfixPolicyFile;
  hotfixes: HotfixService;
  shas: { release: string; fix: string };
  /** Approves as another person using this installation (name, handle), then switches back to the opener. */
  approveAs(name: string, input: { incidentId: string; hotfixId: string; comment?: string }, handle?: string): Promise<HotfixState>;
  events(): IncidentEvent[];
  cleanup(): Promise<void>;
}

/** The targeted test: passes when the checked-out app.txt carries the fix (timeout=10), so it runs against the fix's commit. */
export const testCommand = (extra: Record<string, unknown> = {}) => ({
  command: process.execPath,
  args: ['-e', "const t=require('fs').readFileSync('app.txt','utf8');console.log('checking app.txt');process.exit(t.includes('timeout=10')?0:1)"],
  timeoutMs: 20_000,
  ...extra,
});

export async function hotfixFixture(options: { severity?: Severity; impact?: boolean; deps?: Partial<HotfixServiceDeps>; hotfix?: Record<string, unknown> } = {}): Promise<HotfixFixture> {
  const repos = scriptedRepos();
  repos.commit('release 1.2', 'app.txt', 'version=1.2\ntimeout=30\n', '2026-12-01T08:00:00Z');
  repos.push();
  const release = repos.commit('release 1.3: new checkout', 'app.txt', 'version=1.3\ntimeout=30\n', '2026-12-01T09:00:00Z');
  repos.push();
  repos.tag('v1.3.0', release);
  // Work continues on main after the release (not part of the hot fix).
  repos.commit('next feature', 'feature.txt', 'wip\n', '2026-12-02T07:00:00Z');
  repos.push();
  // The fix is branched from the deployed release tag.
  repos.git(repos.clone, 'checkout', '--quiet', '-b', 'hotfix/checkout-timeout', 'v1.3.0');
  const fix = repos.commit('PAY-7 lower the checkout timeout', 'app.txt', 'version=1.3\ntimeout=10\n', '2026-12-02T09:00:00Z');
  repos.push('hotfix/checkout-timeout');
  repos.git(repos.clone, 'checkout', '--quiet', 'main');
  const dataDir = await mkdtemp(join(tmpdir(), 'fb-hotfix-data-'));
  const store = await IncidentStore.open(dataDir);
  await store.create(INCIDENT, { type: 'incident.declared', actor: 'ines', payload: { title: 'Checkout timeouts', severity: options.severity ?? 'SEV2', commander: 'ines', services: ['checkout'] } });
  if (options.impact !== false) {
    await store.append(INCIDENT, [{ type: 'update.impact_set', actor: 'ines', payload: { who: 'EU shoppers', howBadly: '30% of checkouts time out', since: '08:40 UTC' } }]);
  }
  const catalogue = ServiceCatalogue.inDataDir(dataDir);
  await catalogue.put({
    name: 'checkout',
    git: { clonePath: repos.clone, remote: { name: 'origin' } },
    deploy: { branch: 'main', releaseTagPattern: 'v*' },
    rollback: { strategies: [{ kind: 'revert' }, { kind: 'kill-switch', url: 'https://flags.example.test/checkout-timeout/off', method: 'POST' }] },
    hotfix: { testCommand: testCommand(), ...options.hotfix },
  });
  const policy = new HotfixPolicyFile(dataDir);
  // Who uses the installation: the opener (ines) unless a test switches to an approver with `as`.
  const me = { name: 'ines', handle: 'ines', deviceId: 'dev_iiiiiiiiiiiiiiii' };
  store.stampIdentity(() => me);
  const hotfixes = new HotfixService({ store, catalogue, policy, operator: () => me.name, operatorHandle: () => me.handle, now: () => new Date('2026-12-02T10:00:00Z'), ...options.deps });
  return {
    repos,
    store,
    catalogue,
    policy,
    hotfixes,
    async approveAs(name, input, handle = name.toLowerCase()) {
      const before = { ...me };
      Object.assign(me, { name, handle, deviceId: `dev_${handle.replace(/[^a-z2-7]/g, 'a').padEnd(16, 'a').slice(0, 16)}` });
      try {
        return await hotfixes.approve(input);
      } finally {
        Object.assign(me, before);
      }
    },
    shas: { release, fix },
    events: () => [...(store.get(INCIDENT).log?.events ?? [])],
    async cleanup() {
      await hotfixes.shutdown();
      await store.close();
      repos.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
