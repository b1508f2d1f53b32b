// Hot-fix use cases: open (criteria checked) → override → rollback strategy → link change → targeted tests → approvals →
// [rollout engine: hotfix.startRollout moves approved → rolling-out → rolled-out] → verify → tag → Jira notes → close.
// Every step is an event in the incident log; the state is its projection (shared/hotfix/hotfix-state.ts).
import { randomBytes } from 'node:crypto';
import type { NewEvent } from '../../../shared/events';
import { readinessBlockers, rolloutBlockers, testsPassed } from '../../../shared/hotfix/hotfix-blockers';
import { checkCriteria, countingApprovers, formatHotfixId, thresholdFlags } from '../../../shared/hotfix/hotfix-policy';
import { diffStatLine } from '../../../shared/hotfix/hotfix-schemas';
import type { HotfixState } from '../../../shared/hotfix/hotfix-state';
import type { ParsedInputOf } from '../../../shared/ipc';
import { incidentProjection, hotfixProjection } from '../../../shared/projections/domain-projections';
import { DomainError } from '../../../shared/result';
import { strategyOf, type ServiceConfig } from '../../../shared/services/service-config';
import type { ServiceCatalogue } from '../services/service-catalogue';
import type { IncidentStore } from '../store/incident-store';
import { realClock, verifyHealth, type Clock, type QueryHealth } from '../rollback/health-verification';
import { createFixBranch, hotfixRepo, linkChange, nextTagName, pushHotfixTag } from './hotfix-git';
import { jiraNotes, type QueueOutbox } from './hotfix-jira';
import { incidentJiraIssueProjection } from './hotfix-log-facts';
import { updateFactsProjection } from '../updates/update-facts-projection';
import type { HotfixPolicyFile } from './hotfix-policy-file';
import { describeTestCommand, runTargetedTests } from './hotfix-tests';
import { describeStrategy } from './hotfix-strategy';

export interface HotfixServiceDeps {
  store: IncidentStore;
  catalogue: ServiceCatalogue;
  policy: HotfixPolicyFile;
  operator: () => string;
  /** The handle of the person using this installation: approvals are matched (author, repeat, CAB list) by name or handle. */
  operatorHandle?: () => string;
  /** Live output of a running test command; `offset` is how many characters of output came before this chunk. */
  publishOutput?: (o: { incidentId: string; hotfixId: string; runId: string; chunk: string; offset: number }) => void;
  /** Queues a Jira write in the durable outbox; returns its intent key. */
  queueOutbox?: QueueOutbox;
  queryHealth?: QueryHealth;
  healthAvailable?: () => Promise<boolean>;
  clock?: Clock;
  /** How the approved rollout will go, as the approver reads it; the rollout engine supplies the service's stages. */
  rolloutPlanOf?: (service: ServiceConfig) => string;
  /** Test seam: runs between creating the tag and pushing it (a colleague pushing the same tag). */
  beforeTagPush?: () => Promise<void>;
  now?: () => Date;
}

interface RunningTests {
  runId: string;
  controller: AbortController;
  done: Promise<void>;
  /** The output so far (its last OUTPUT_KEPT characters) and its full length, for a pane that opens mid-run. */
  output: { text: string; length: number };
}

const OUTPUT_KEPT = 20_000;

const newRunId = () => `tr-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

export class HotfixService {
  private readonly tests = new Map<string, RunningTests>();

  constructor(private readonly deps: HotfixServiceDeps) {}

  private append(incidentId: string, events: NewEvent[]) {
    return this.deps.store.append(incidentId, events);
  }

  list(incidentId: string): HotfixState[] {
    return this.deps.store.projection(incidentId, hotfixProjection);
  }

  private find(incidentId: string, hotfixId: string): HotfixState {
    const found = this.list(incidentId).find((h) => h.id === hotfixId);
    if (!found) throw new DomainError('not_found', `No hot fix ${hotfixId} in incident ${incidentId}.`);
    return found;
  }

  private notClosed(incidentId: string, hotfixId: string): HotfixState {
    const h = this.find(incidentId, hotfixId);
    if (h.stage === 'closed') throw new DomainError('conflict', `Hot fix ${hotfixId} is closed.`);
    return h;
  }

  private editable(incidentId: string, hotfixId: string, what: string): HotfixState {
    const h = this.notClosed(incidentId, hotfixId);
    if (h.stage !== 'open' && h.stage !== 'approved') throw new DomainError('conflict', `Hot fix ${hotfixId} is ${h.stage}; ${what} can no longer change.`);
    return h;
  }

  /** Every hot-fix id already used in the loaded incidents, so the running number never repeats. */
  private usedIds(): Set<string> {
    const ids = new Set<string>();
    for (const incident of this.deps.store.list()) {
      if (!incident.log) continue;
      for (const h of this.deps.store.projection(incident.id, hotfixProjection)) ids.add(h.id);
    }
    return ids;
  }

  async open(input: ParsedInputOf<'hotfix.open'>): Promise<HotfixState> {
    const incident = this.deps.store.projection(input.incidentId, incidentProjection);
    if (!incident) throw new DomainError('not_found', `Incident ${input.incidentId} has no declaration.`);
    const service = await this.deps.catalogue.get(input.service);
    const { policy } = await this.deps.policy.load();
    // The latest stated impact, from the update-facts projection (not a scan of the whole log).
    const impact = this.deps.store.projection(input.incidentId, updateFactsProjection).impact;
    const customerImpact = impact ? `${impact.who}: ${impact.howBadly}` : undefined;
    const check = checkCriteria(policy, { severity: incident.severity, customerImpact });
    const used = this.usedIds();
    const now = (this.deps.now ?? (() => new Date()))();
    let n = 1;
    while (used.has(formatHotfixId(policy.idPattern, now, n))) n++;
    const hotfixId = formatHotfixId(policy.idPattern, now, n);
    const actor = this.deps.operator();
    const criteria = `${policy.criteria.severities.join('–')}${policy.criteria.requireCustomerImpact ? ' with customer impact' : ''}`;
    await this.append(input.incidentId, [
      {
        type: 'hotfix.opened',
        actor,
        payload: { hotfixId, service: service.name, symptom: input.symptom, intendedChange: input.intendedChange, severity: incident.severity, approvalRule: policy.approvals[incident.severity], cab: policy.cab },
      },
      { type: 'hotfix.criteria_checked', actor: 'firebreak', payload: { hotfixId, met: check.met, reasons: check.reasons, criteria } },
    ]);
    return this.find(input.incidentId, hotfixId);
  }

  /** Test runs that were going when Firebreak stopped are recorded as cancelled, so no hot fix waits on a run nobody does. */
  async recoverInterrupted(): Promise<void> {
    for (const incident of this.deps.store.list()) {
      if (!incident.log || incident.problems.some((p) => p.kind === 'unreadable')) continue;
      for (const h of this.deps.store.projection(incident.id, hotfixProjection)) {
        if (h.tests?.status !== 'running' || !h.tests.runId || this.tests.has(h.id)) continue;
        await this.append(incident.id, [
          { type: 'hotfix.tests_finished', actor: 'firebreak', payload: { hotfixId: h.id, runId: h.tests.runId, outcome: 'cancelled', durationMs: 0, message: 'Firebreak stopped while the tests were running; run them again.' } },
        ]);
      }
    }
  }

  async overrideCriteria(input: ParsedInputOf<'hotfix.overrideCriteria'>): Promise<HotfixState> {
    const h = this.editable(input.incidentId, input.hotfixId, 'the criteria');
    if (h.criteria?.met) throw new DomainError('conflict', `Hot fix ${h.id} meets the criteria; there is nothing to override.`);
    if (h.criteriaOverride) throw new DomainError('conflict', `The criteria of ${h.id} were already overridden by ${h.criteriaOverride.by}.`);
    await this.append(input.incidentId, [{ type: 'hotfix.criteria_overridden', actor: this.deps.operator(), payload: { hotfixId: h.id, reason: input.reason } }]);
    return this.find(input.incidentId, h.id);
  }

  async chooseRollback(input: ParsedInputOf<'hotfix.chooseRollback'>): Promise<HotfixState> {
    const h = this.editable(input.incidentId, input.hotfixId, 'the rollback strategy');
    const service = await this.deps.catalogue.get(h.service);
    const strategy = strategyOf(service, input.strategy);
    if (!strategy) throw new DomainError('validation', `Service ${service.name} has no ${input.strategy} strategy configured; it offers ${service.rollback?.strategies.map((s) => s.kind).join(', ') || 'none (add one in the service catalogue)'}.`, ['strategy']);
    const killSwitch = service.rollback?.strategies.find((s) => s.kind === 'kill-switch');
    const payload = { hotfixId: h.id, strategy: input.strategy, description: describeStrategy(service, strategy), ...(killSwitch && killSwitch.kind === 'kill-switch' ? { killSwitch: `${killSwitch.method} ${killSwitch.url}` } : {}) };
    await this.append(input.incidentId, [{ type: 'hotfix.rollback_chosen', actor: this.deps.operator(), payload }]);
    return this.find(input.incidentId, h.id);
  }

  async createBranch(input: ParsedInputOf<'hotfix.createBranch'>): Promise<HotfixState> {
    const h = this.editable(input.incidentId, input.hotfixId, 'the branch');
    if (h.branch) throw new DomainError('conflict', `The branch ${h.branch.name} was already created for ${h.id}.`);
    const service = await this.deps.catalogue.get(h.service);
    const branch = `hotfix/${h.id}`;
    const created = await createFixBranch(service, branch);
    await this.append(input.incidentId, [{ type: 'hotfix.branch_created', actor: this.deps.operator(), payload: { hotfixId: h.id, branch, ...created } }]);
    return this.find(input.incidentId, h.id);
  }

  async linkChange(input: ParsedInputOf<'hotfix.linkChange'>): Promise<HotfixState> {
    const h = this.editable(input.incidentId, input.hotfixId, 'the change');
    if (this.tests.has(h.id)) throw new DomainError('conflict', 'The tests are running against the linked change; cancel them before linking another.');
    const service = await this.deps.catalogue.get(h.service);
    const change = await linkChange(service, input.refs);
    const { policy } = await this.deps.policy.load();
    const flags = thresholdFlags(change.diffStat, { ...policy.thresholds, ...Object.fromEntries(Object.entries(service.hotfix?.thresholds ?? {}).filter(([, v]) => typeof v === 'number')) });
    await this.append(input.incidentId, [{ type: 'hotfix.change_linked', actor: this.deps.operator(), payload: { hotfixId: h.id, refs: input.refs, ...change, flags } }]);
    return this.find(input.incidentId, h.id);
  }

  async runTests(input: ParsedInputOf<'hotfix.runTests'>): Promise<HotfixState> {
    const h = this.editable(input.incidentId, input.hotfixId, 'the tests');
    if (this.tests.has(h.id)) throw new DomainError('conflict', `The tests of ${h.id} are already running.`);
    if (!h.change) throw new DomainError('conflict', 'Link the change first: the tests run against the fix.');
    const service = await this.deps.catalogue.get(h.service);
    const spec = service.hotfix?.testCommand;
    if (!spec) throw new DomainError('validation', `Service ${service.name} has no hot-fix test command (hotfix.testCommand in the service catalogue); configure one, or record a CI result by URL.`);
    const repo = hotfixRepo(service);
    const runId = newRunId();
    const headSha = h.change.headSha;
    await this.append(input.incidentId, [{ type: 'hotfix.tests_started', actor: this.deps.operator(), payload: { hotfixId: h.id, runId, command: describeTestCommand(spec), headSha } }]);
    const controller = new AbortController();
    const output = { text: '', length: 0 };
    const publish = (chunk: string) => {
      const offset = output.length;
      output.text = (output.text + chunk).slice(-OUTPUT_KEPT);
      output.length += chunk.length;
      this.deps.publishOutput?.({ incidentId: input.incidentId, hotfixId: h.id, runId, chunk, offset });
    };
    const done = runTargetedTests(repo, headSha, spec, { signal: controller.signal, onOutput: publish })
      .then((r) =>
        this.append(input.incidentId, [
          {
            type: 'hotfix.tests_finished',
            actor: 'firebreak',
            payload: { hotfixId: h.id, runId, outcome: r.outcome, durationMs: r.durationMs, ...(r.exitCode !== undefined ? { exitCode: r.exitCode } : {}), ...(r.message ? { message: r.message } : {}), ...(r.outputTail ? { outputTail: r.outputTail } : {}) },
          },
        ]),
      )
      .then(() => undefined)
      .finally(() => this.tests.delete(h.id));
    this.tests.set(h.id, { runId, controller, done, output });
    return this.find(input.incidentId, h.id);
  }

  /** The output of a running test command so far: a pane that subscribes after the first lines still shows them. */
  testOutput(input: ParsedInputOf<'hotfix.testOutput'>): { text: string; length: number } {
    const running = this.tests.get(input.hotfixId);
    return running?.runId === input.runId ? { ...running.output } : { text: '', length: 0 };
  }

  async cancelTests(input: ParsedInputOf<'hotfix.cancelTests'>): Promise<HotfixState> {
    const running = this.tests.get(input.hotfixId);
    if (!running) throw new DomainError('conflict', `No tests of ${input.hotfixId} are running.`);
    running.controller.abort();
    await running.done;
    return this.find(input.incidentId, input.hotfixId);
  }

  /** Resolves when the hot fix's test run (if any) has recorded its outcome; for tests and shutdown. */
  async testsSettled(hotfixId: string): Promise<void> {
    await this.tests.get(hotfixId)?.done;
  }

  async recordCi(input: ParsedInputOf<'hotfix.recordCi'>): Promise<HotfixState> {
    const h = this.editable(input.incidentId, input.hotfixId, 'the tests');
    if (!h.change) throw new DomainError('conflict', 'Link the change first: the CI result is recorded for the fix.');
    if (this.tests.has(h.id)) throw new DomainError('conflict', 'The tests are running here; cancel them before recording a CI result.');
    await this.append(input.incidentId, [{ type: 'hotfix.ci_recorded', actor: this.deps.operator(), payload: { hotfixId: h.id, url: input.url, outcome: input.outcome, ...(input.note?.trim() ? { note: input.note.trim() } : {}) } }]);
    return this.find(input.incidentId, h.id);
  }

  async overrideTests(input: ParsedInputOf<'hotfix.overrideTests'>): Promise<HotfixState> {
    const h = this.editable(input.incidentId, input.hotfixId, 'the tests');
    if (!h.tests || h.tests.status === 'running') throw new DomainError('conflict', 'There is no finished test result to override; run the tests or record a CI result first.');
    if (testsPassed(h)) throw new DomainError('conflict', 'The tests passed; there is nothing to override.');
    await this.append(input.incidentId, [{ type: 'hotfix.tests_overridden', actor: this.deps.operator(), payload: { hotfixId: h.id, reason: input.reason } }]);
    return this.find(input.incidentId, h.id);
  }

  async approve(input: ParsedInputOf<'hotfix.approve'>): Promise<HotfixState> {
    const h = this.editable(input.incidentId, input.hotfixId, 'the approvals');
    const blockers = readinessBlockers(h);
    if (blockers.length > 0) throw new DomainError('conflict', `Not ready for approval: ${blockers.map((b) => `${b.problem} ${b.fix}`).join(' ')}`);
    // The approver is the person using this installation (with sync, on their own laptop): never a name typed for someone else.
    const approver = this.deps.operator();
    const handle = this.deps.operatorHandle?.();
    const me = [approver, ...(handle ? [handle, `@${handle}`] : [])].map((n) => n.toLowerCase());
    const who = handle && handle.toLowerCase() !== approver.toLowerCase() ? `${approver} (@${handle})` : approver;
    const authors = new Set([h.openedBy, ...(h.change?.commits.flatMap((c) => [c.author, c.authorEmail ?? '']) ?? [])].filter(Boolean).map((a) => a.toLowerCase()));
    if (me.some((k) => authors.has(k))) throw new DomainError('validation', `${who} wrote or opened this hot fix and cannot approve it; someone else approves it as themselves (on their own laptop with team sync).`);
    if (h.approvals.some((a) => me.includes(a.approver.toLowerCase()) || (!!handle && a.handle?.toLowerCase() === handle.toLowerCase()))) throw new DomainError('conflict', `${who} has already approved ${h.id}.`);
    if (countingApprovers(h.approvalRule, h.cab, [{ name: approver, handle }]).length === 0) throw new DomainError('validation', `${h.severity} hot fixes need approvers from the CAB list (${h.cab.join(', ') || 'empty: add names in Settings → Hot fixes'}); ${who} is not on it.`);
    if (rolloutBlockers(h).length === 0) throw new DomainError('conflict', `${h.id} already has every approval it needs.`);
    // With team sync the approver's laptop may not have the service configured: then the plan is described without its stages.
    const service = await this.deps.catalogue.get(h.service).catch(() => undefined);
    const change = h.change!;
    const tests = h.tests!;
    const command = tests.command && tests.command.length > 120 ? `${tests.command.slice(0, 117)}…` : tests.command;
    const testsLine = `${tests.kind === 'ci' ? `CI run ${tests.url}` : `targeted tests (${command ?? 'local run'})`} ${tests.status}${h.testsOverride ? ` (overridden: ${h.testsOverride.reason})` : ''}`;
    const rollout = service ? (this.deps.rolloutPlanOf?.(service) ?? `no rollout stages are configured for ${service.name} yet`) : `as configured for ${h.service} on the laptop that rolls it out`;
    const approved = {
      headSha: change.headSha,
      diff: `${change.refs.join(', ')} against ${change.base.label}: ${diffStatLine(change.diffStat)}${change.flags.length ? ` (over thresholds: ${change.flags.length})` : ''}`.slice(0, 500),
      tests: testsLine.slice(0, 500),
      rolloutPlan: `Rollout: ${rollout}. Rollback: ${h.rollback!.description}${h.rollback!.killSwitch ? `; kill switch ${h.rollback!.killSwitch}` : ''}.`.slice(0, 1000),
    };
    await this.append(input.incidentId, [{ type: 'hotfix.approved', actor: approver, payload: { hotfixId: h.id, approver, approved, ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}) } }]);
    return this.find(input.incidentId, h.id);
  }

  async verify(input: ParsedInputOf<'hotfix.verify'>): Promise<HotfixState> {
    const h = this.notClosed(input.incidentId, input.hotfixId);
    if (h.stage !== 'rolled-out') throw new DomainError('conflict', `Hot fix ${h.id} is ${h.stage}; it is verified once the rollout has reached 100%.`);
    const service = await this.deps.catalogue.get(h.service);
    const actor = this.deps.operator();
    const automatic = service.health && this.deps.queryHealth && (await (this.deps.healthAvailable?.() ?? true));
    if (input.outcome || !automatic) {
      if (!input.outcome) throw new DomainError('validation', `${service.name} has no health query Firebreak can run (configure health in the service catalogue and metrics in Settings); record the outcome you checked.`, ['outcome']);
      await this.append(input.incidentId, [{ type: 'hotfix.verified', actor, payload: { hotfixId: h.id, method: 'manual', outcome: input.outcome, ...(input.note?.trim() ? { note: input.note.trim() } : {}) } }]);
      return this.find(input.incidentId, h.id);
    }
    const health = service.health!;
    const verdict = await verifyHealth(health, this.deps.queryHealth!, this.deps.clock ?? realClock, new AbortController().signal);
    if (verdict.outcome === 'error') throw new DomainError('unavailable', `The health query failed: ${verdict.message}. Verify by hand and record the outcome.`);
    if (verdict.outcome === 'stopped') throw new DomainError('unavailable', 'The health check was stopped.');
    await this.append(input.incidentId, [{ type: 'hotfix.verified', actor, payload: { hotfixId: h.id, method: 'health-query', outcome: verdict.outcome, value: verdict.value, threshold: health.threshold } }]);
    return this.find(input.incidentId, h.id);
  }

  async tag(input: ParsedInputOf<'hotfix.tag'>): Promise<HotfixState> {
    const h = this.notClosed(input.incidentId, input.hotfixId);
    if (h.stage !== 'verified') throw new DomainError('conflict', `Hot fix ${h.id} is ${h.stage}; it is tagged once verified healthy after the rollout.`);
    const service = await this.deps.catalogue.get(h.service);
    const repo = hotfixRepo(service);
    const change = h.change!;
    const name = await nextTagName(repo, service.hotfix?.tagPattern ?? '<release>-hf.<n>', change.base.label.replace(/\s.*$/, ''));
    const jiraKey = this.jiraIssueOf(input.incidentId);
    const message = [
      `Hot fix ${h.id} for ${service.name}`,
      '',
      `Incident: ${input.incidentId}`,
      `Hot fix: ${h.id}`,
      `Jira: ${jiraKey ?? 'none linked'}`,
      `Approvers: ${h.approvals.map((a) => a.approver).join(', ') || 'none required'}`,
      `Symptom: ${h.symptom}`,
      `Change: ${diffStatLine(change.diffStat)} against ${change.base.label}`,
    ].join('\n');
    const outcome = await pushHotfixTag(repo, name, change.headSha, message, this.deps.beforeTagPush);
    if (!outcome.ok) throw new DomainError('conflict', outcome.message);
    await this.append(input.incidentId, [{ type: 'hotfix.tagged', actor: this.deps.operator(), payload: { hotfixId: h.id, tag: name, sha: change.headSha, remote: repo.remote, message } }]);
    return this.find(input.incidentId, h.id);
  }

  private jiraIssueOf(incidentId: string): string | undefined {
    return this.deps.store.projection(incidentId, incidentJiraIssueProjection);
  }

  async notifyJira(input: ParsedInputOf<'hotfix.notifyJira'>): Promise<HotfixState> {
    const h = this.notClosed(input.incidentId, input.hotfixId);
    if (!h.tag) throw new DomainError('conflict', `Hot fix ${h.id} is not tagged yet; Jira is told once the fix is verified and tagged.`);
    if (h.jira) throw new DomainError('conflict', `The Jira notes of ${h.id} were already queued (${h.jira.issueKey}).`);
    if (!this.deps.queueOutbox) throw new DomainError('unavailable', 'Jira is not available here.');
    const issueKey = input.issueKey ?? this.jiraIssueOf(input.incidentId);
    if (!issueKey) throw new DomainError('validation', 'No Jira issue is linked to this incident; link one in the Jira pane or name its key.', ['issueKey']);
    const service = await this.deps.catalogue.get(h.service);
    const notes = jiraNotes(h, { incidentId: input.incidentId, issueKey, followUpProject: service.hotfix?.followUpProject });
    const commentIntentKey = await this.deps.queueOutbox(input.incidentId, notes.comment, `hotfix:${h.id}`);
    const followUpIntentKey = await this.deps.queueOutbox(input.incidentId, notes.followUp, `hotfix:${h.id}`);
    await this.append(input.incidentId, [
      { type: 'hotfix.jira_queued', actor: this.deps.operator(), payload: { hotfixId: h.id, issueKey, commentIntentKey, followUp: { projectKey: notes.followUp.projectKey, summary: notes.followUp.summary, intentKey: followUpIntentKey } } },
    ]);
    return this.find(input.incidentId, h.id);
  }

  async close(input: ParsedInputOf<'hotfix.close'>): Promise<HotfixState> {
    const h = this.notClosed(input.incidentId, input.hotfixId);
    if (this.tests.has(h.id)) throw new DomainError('conflict', 'The tests are still running; cancel them first.');
    if (input.outcome === 'shipped' && h.stage !== 'tagged') throw new DomainError('conflict', `Hot fix ${h.id} is ${h.stage}; it is shipped once verified and tagged. Close it as abandoned otherwise.`);
    if (input.outcome === 'abandoned' && !input.reason?.trim()) throw new DomainError('validation', 'Say why the hot fix is abandoned.', ['reason']);
    if (input.outcome === 'abandoned' && (h.stage === 'rolling-out' || h.stage === 'rolled-out')) throw new DomainError('conflict', `Hot fix ${h.id} is ${h.stage}; roll it back before abandoning it.`);
    await this.append(input.incidentId, [{ type: 'hotfix.closed', actor: this.deps.operator(), payload: { hotfixId: h.id, outcome: input.outcome, ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}) } }]);
    return this.find(input.incidentId, h.id);
  }

  /** Stops running tests (recorded as cancelled) before the core closes. */
  async shutdown(): Promise<void> {
    for (const t of this.tests.values()) t.controller.abort();
    await Promise.all([...this.tests.values()].map((t) => t.done.catch(() => undefined)));
  }
}
