// Shipping a hot fix: the annotated tag pushed with a lease against real git (and refused when the tag exists), and the Jira
// comment + follow-up patch ticket delivered through the durable outbox to the spec-checked Jira stand-in.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HotfixState } from '../../../shared/hotfix/hotfix-state';
import { projectOutbox } from '../../../shared/outbox/outbox-state';
import { ConnectorSettings } from '../connectors/connector-settings';
import { JiraStandIn } from '../connectors/testing/jira-stand-in';
import { MemoryVault } from '../connectors/testing/memory-vault';
import { GitRepo } from '../connectors/git/git-repo';
import { ConnectorDispatch } from '../outbox/outbox-dispatch';
import { OutboxService } from '../outbox/outbox-service';
import { OutboxWorker } from '../outbox/outbox-worker';
import { IncidentStore } from '../store/incident-store';
import { INCIDENT, hotfixFixture, type HotfixFixture } from './hotfix-flow.test-support';
import { nextTagName, pushHotfixTag } from './hotfix-git';
import { jiraNotes } from './hotfix-jira';

let fx: HotfixFixture | undefined;
afterEach(async () => {
  await fx?.cleanup();
  fx = undefined;
});

describe('the hot-fix tag', () => {
  it('is annotated, carries the message, gets the next free number and is refused when it already exists', async () => {
    fx = await hotfixFixture();
    const repo = new GitRepo(fx.repos.clone, 'origin');
    const name = await nextTagName(repo, '<release>-hf.<n>', 'v1.3.0');
    expect(name).toBe('v1.3.0-hf.1');
    const message = 'Hot fix HF-20261202-1 for checkout\n\nIncident: x\nJira: OPS-1\nApprovers: omar, lea';
    expect(await pushHotfixTag(repo, name, fx.shas.fix, message)).toMatchObject({ ok: true });
    expect(fx.repos.git(fx.repos.bare, 'cat-file', '-t', 'refs/tags/v1.3.0-hf.1')).toBe('tag');
    expect(fx.repos.git(fx.repos.bare, 'rev-parse', 'v1.3.0-hf.1^{commit}')).toBe(fx.shas.fix);
    expect(fx.repos.git(fx.repos.bare, 'tag', '-l', '--format=%(contents)', 'v1.3.0-hf.1')).toContain('Approvers: omar, lea');
    expect(await nextTagName(repo, '<release>-hf.<n>', 'v1.3.0')).toBe('v1.3.0-hf.2');
    // A fixed name that exists is refused before anything is pushed.
    const again = await pushHotfixTag(repo, 'v1.3.0-hf.1', fx.shas.release, 'other');
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining('already exists on origin') });
    expect(fx.repos.git(fx.repos.bare, 'rev-parse', 'v1.3.0-hf.1^{commit}')).toBe(fx.shas.fix);
  });

  it('is refused by the lease when a colleague pushes the same tag meanwhile, and the local tag is removed', async () => {
    fx = await hotfixFixture();
    const repo = new GitRepo(fx.repos.clone, 'origin');
    const other = fx.repos.otherClone();
    const colleague = async () => {
      fx!.repos.git(other, 'tag', 'v1.3.0-hf.1', fx!.shas.release);
      fx!.repos.git(other, 'push', '--quiet', 'origin', 'refs/tags/v1.3.0-hf.1');
    };
    const outcome = await pushHotfixTag(repo, 'v1.3.0-hf.1', fx.shas.fix, 'Hot fix', colleague);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining('was refused') });
    expect(fx.repos.git(fx.repos.bare, 'rev-parse', 'v1.3.0-hf.1^{commit}')).toBe(fx.shas.release);
    expect(fx.repos.git(fx.repos.clone, 'tag', '-l', 'v1.3.0-hf.1')).toBe('');
  });
});

describe('the Jira notes', () => {
  it('comment on the incident issue and create the follow-up patch ticket through the outbox (spec-checked stand-in)', async () => {
    fx = await hotfixFixture();
    const h = await fx.hotfixes.open({ incidentId: INCIDENT, service: 'checkout', symptom: 'Checkouts time out after 30 s', intendedChange: 'Lower the payment timeout to 10 s' });
    await fx.hotfixes.chooseRollback({ incidentId: INCIDENT, hotfixId: h.id, strategy: 'revert' });
    await fx.hotfixes.linkChange({ incidentId: INCIDENT, hotfixId: h.id, refs: ['hotfix/checkout-timeout'] });
    await fx.hotfixes.recordCi({ incidentId: INCIDENT, hotfixId: h.id, url: 'https://ci.example.test/runs/42', outcome: 'passed' });
    await fx.approveAs('omar', { incidentId: INCIDENT, hotfixId: h.id });
    const approved = (await fx.approveAs('lea', { incidentId: INCIDENT, hotfixId: h.id })) as HotfixState;
    // What the track holds after the rollout, verification and tag (those steps are tested on their own).
    const shipped: HotfixState = { ...approved, stage: 'tagged', verification: { method: 'manual', outcome: 'healthy', by: 'ines', at: approved.openedAt }, tag: { name: 'v1.3.0-hf.1', sha: fx.shas.fix, remote: 'origin', message: '', at: approved.openedAt } };
    const notes = jiraNotes(shipped, { incidentId: INCIDENT, issueKey: 'OPS-9' });
    expect(notes.followUp).toMatchObject({ kind: 'jira.create_issue', projectKey: 'OPS', summary: 'Fold HF-20261202-1 into the next checkout release and add the regression test', actionItem: true });

    const dir = await mkdtemp(join(tmpdir(), 'fb-hotfix-jira-'));
    const jira = await new JiraStandIn().start();
    const store = await IncidentStore.open(dir);
    try {
      await store.create(INCIDENT, { type: 'incident.declared', actor: 'ines', payload: { title: 'Checkout timeouts', severity: 'SEV2', commander: 'ines', services: ['checkout'] } });
      jira.seedIssue({ key: 'OPS-9', summary: 'Checkout timeouts' });
      const settings = new ConnectorSettings(dir, new MemoryVault(), { timeoutMs: 2000, maxAttempts: 1 });
      await settings.saveJira({ siteUrl: jira.url, email: 'ic@example.com', apiToken: 'jira-token' });
      const worker = new OutboxWorker(store, new ConnectorDispatch(settings, () => 'firebreak'), () => 'firebreak', { backoff: { baseDelayMs: 5, maxDelayMs: 20 } });
      const outbox = new OutboxService(store, worker, () => 'ines');
      worker.start();
      try {
        await outbox.queue(INCIDENT, notes.comment, `hotfix:${h.id}`);
        await outbox.queue(INCIDENT, notes.followUp, `hotfix:${h.id}`);
        await expect.poll(() => projectOutbox(INCIDENT, store.get(INCIDENT).log!.events).map((i) => i.status), { timeout: 8000 }).toEqual(['sent', 'sent']);
      } finally {
        await worker.stop();
      }
      const comment = JSON.stringify(jira.issues.get('OPS-9')!.comments[0]!.body);
      expect(comment).toContain('HF-20261202-1');
      expect(comment).toContain('v1.3.0-hf.1');
      const created = [...jira.issues.values()].find((i) => i.key !== 'OPS-9')!;
      expect(created).toMatchObject({ projectKey: 'OPS', summary: 'Fold HF-20261202-1 into the next checkout release and add the regression test' });
      expect(store.get(INCIDENT).log!.events.some((e) => e.type === 'jira.issue_linked' && e.payload.actionItem === true)).toBe(true);
      expect(jira.violations).toEqual([]);
    } finally {
      await jira.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is refused by the service before the hot fix is tagged', async () => {
    fx = await hotfixFixture({ deps: { queueOutbox: async () => 'ob_never' } });
    const h = await fx.hotfixes.open({ incidentId: INCIDENT, service: 'checkout', symptom: 'Checkouts time out', intendedChange: 'Lower the timeout' });
    await expect(fx.hotfixes.notifyJira({ incidentId: INCIDENT, hotfixId: h.id, issueKey: 'OPS-9' })).rejects.toThrow('not tagged yet');
  });
});
