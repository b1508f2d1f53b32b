// The demo incident's story, minute by minute: a SEV1 where checkout payments fail after a bad deploy, mitigated by a verified
// rollback, fixed by a canary hot-fix and resolved after ~70 minutes. Every action goes through the service a user would reach.
import type { NoteKind } from '../../shared/events';
import type { ActiveAlert } from '../../shared/metrics/alert-reconcile';
import { generateReviewDraft } from '../../shared/review/review-draft';
import { DEMO_INCIDENT_ID } from '../../electron/core/demo/seed-demo';
import { errorRatioQuery } from './demo-metrics';
import { DEMO_DEVICE_ID, type DemoWorld } from './demo-world';

export const DEMO_START = Date.parse('2026-03-14T09:12:00.000Z');
export const DEMO_SERVICES = ['checkout-api', 'payments-gateway'];

const id = DEMO_INCIDENT_ID;
const ic = 'maya.okafor';
const sre = 'lee.tanaka';
const dev = 'sam.patel';
const eng = 'dana.kim';
const approver = 'priya.raman';

const iso = (minute: number) => new Date(DEMO_START + minute * 60_000).toISOString();

function alert(alertname: string, fingerprint: string, startedMinute: number, summary: string): ActiveAlert {
  return {
    fingerprint,
    alertname,
    labels: { alertname, service: 'checkout-api', severity: 'page', team: 'payments', env: 'prod' },
    annotations: { summary, runbook_url: 'https://runbooks.example.com/checkout/latency' },
    startsAt: iso(startedMinute),
    endsAt: iso(startedMinute + 60),
    state: 'active',
    silencedBy: [],
    inhibitedBy: [],
  };
}
const latencyAlert = alert('CheckoutLatencyP99High', 'a1f3c9e2d4b5c6d7', -4, 'checkout-api p99 latency above 1.5 s for 3 minutes');
const errorAlert = alert('CheckoutErrorRateHigh', 'b7e2d1a0c9f8e7d6', -2, 'checkout-api 5xx ratio above 5% — payments failing');

export async function playDemoStory(w: DemoWorld): Promise<void> {
  // Never backwards: the rollback's steps take the time they take, and whatever follows comes after them.
  const at = (minute: number, second = 0) => w.clock.set(Math.max(w.clock.peek(), DEMO_START + minute * 60_000 + second * 1000));
  const by = (actor: string) => w.as(actor);
  const note = async (actor: string, kind: NoteKind, text: string, happenedAt?: string) => {
    by(actor);
    return w.incidents.addNote({ incidentId: id, kind, text, ...(happenedAt ? { happenedAt } : {}) });
  };
  const list = () => w.checklists.checklists(id)[0]!;
  const stepId = (prefix: string) => {
    const plain = (text: string) => text.replace(/[*`]/g, '');
    const step = list().steps.find((s) => plain(s.text).startsWith(plain(prefix)));
    if (!step) throw new Error(`The hot-fix runbook has no step starting "${prefix}"`);
    return step.id;
  };
  const check = (actor: string, prefix: string) => (by(actor), w.checklists.check({ incidentId: id, runbookId: list().runbookId, stepId: stepId(prefix) }));
  const skip = (actor: string, prefix: string, reason: string) => (by(actor), w.checklists.skip({ incidentId: id, runbookId: list().runbookId, stepId: stepId(prefix), reason }));
  const pin = (actor: string, seq: number) => (by(actor), w.incidents.annotate({ incidentId: id, targetId: `${DEMO_DEVICE_ID}.${seq}`, pinned: true }));

  // 09:12 — declared as SEV2 from the latency page.
  by(ic);
  await w.store.create(id, {
    type: 'incident.declared',
    actor: ic,
    payload: {
      title: 'Checkout latency and 5xx: payments failing after payments-client 2.14.0',
      severity: 'SEV2',
      commander: ic,
      services: DEMO_SERVICES,
      summary: 'DEMO — a recorded example incident bundled with Firebreak. About 8% of checkout payments fail with 502s and p99 latency is ~3 s in every region since checkout-api 5.31.0 (payments-client 2.14.0) rolled out at 09:05 UTC.',
      demo: true,
    },
  });
  at(0, 10);
  await w.pollAlerts(id, DEMO_SERVICES, [latencyAlert, errorAlert]);
  at(0, 30);
  await w.record({ type: 'page.triggered', actor: 'pagerduty', payload: { service: 'checkout-api', target: sre, summary: 'CheckoutLatencyP99High firing', source: 'pagerduty' } });
  at(1, 30);
  by(ic);
  const hotFix = w.library.list({}).runbooks.find((r) => r.title.startsWith('Hot-fix lifecycle'));
  if (!hotFix) throw new Error('The bundled hot-fix runbook is missing');
  await w.checklists.attach({ incidentId: id, runbookId: hotFix.id });
  at(2, 10);
  await w.record({ type: 'page.acknowledged', actor: 'pagerduty', payload: { by: sre, source: 'pagerduty' } });
  at(2, 40);
  await check(ic, 'Declare the incident');
  at(3, 0);
  // What the git history import records for the suspect release (commit dates are when they happened).
  for (const [sha, author, message, minute] of [
    ['4c1e9a7b2d3f405162738495a6b7c8d9e0f1a2b3', dev, 'PAY-4790 Bump payments-client to 2.14.0', -58],
    ['8d2f6b1c0e9a4b3c2d1e0f9a8b7c6d5e4f3a2b1c', eng, 'Merge release/5.31.0: tax rounding fix (FIN-112), payments-client 2.14.0', -41],
  ] as const) {
    await w.record({ type: 'git.commit', actor: 'git', payload: { service: 'checkout-api', sha, author, message, branch: 'release', committedAt: iso(minute) } });
  }
  await w.record({ type: 'git.tag', actor: 'git', payload: { service: 'checkout-api', tag: 'v5.31.0', sha: '8d2f6b1c0e9a4b3c2d1e0f9a8b7c6d5e4f3a2b1c', branch: 'release', committedAt: iso(-41) } });
  at(3, 30);
  await note(sre, 'observation', 'Latency and 5xx start at 09:05, right after checkout-api 5.31.0 finished rolling out (it bumps payments-client to 2.14.0).', iso(-7));
  await check(sre, 'Confirm the signal is real');
  at(4, 0);
  await check(ic, 'Open the incident channel');
  at(5, 0);
  await note(dev, 'hypothesis', 'payments-client 2.14.0 dropped HTTP keep-alive: every call opens a new TLS connection to payments-gateway, which hits its connection limit. Disproved if handshakes/s on the gateway are normal.');
  await check(ic, 'Write down the first hypothesis');
  at(6, 30);
  await note(sre, 'observation', 'All regions affected. ~8% of checkout attempts fail with 502 from payments-gateway; client retries make latency worse.');
  at(7, 0);
  by(ic);
  await w.incidents.changeSeverity({ incidentId: id, to: 'SEV1', reason: 'Revenue-critical path failing for customers in every region.' });
  await check(ic, 'Classify the severity');
  at(7, 30);
  await w.record({ type: 'page.triggered', actor: 'pagerduty', payload: { service: 'payments-gateway', target: dev, summary: 'Escalation: payments-client regression suspected', source: 'pagerduty' } });
  at(8, 40);
  await w.record({ type: 'page.acknowledged', actor: 'pagerduty', payload: { by: dev, source: 'pagerduty' } });
  at(9, 0);
  by(ic);
  await w.publish(id, 'executives');
  at(9, 30);
  await w.publish(id, 'customers');
  await check(ic, 'Send the first stakeholder update');
  at(11, 0);
  await note(sre, 'observation', 'payments-gateway shows 4,000 new TLS handshakes/s (normal ~150). Connection pool exhausted. Supports the keep-alive hypothesis.');
  at(12, 0);
  by(ic);
  await w.incidents.changeStatus({ incidentId: id, to: 'identified', reason: 'Keep-alive regression in payments-client 2.14.0' });
  at(13, 0);
  const mitigate = await note(ic, 'decision', 'Mitigate first: roll checkout-api back to 5.30.2 (helm revision 41) now. The tax fix in 5.31.0 is needed by noon, so a hot-fix 5.31.1 with keep-alive pinned on follows behind a canary.');
  await check(ic, 'Decide mitigate vs. fix');
  await pin(ic, mitigate.seq);
  at(13, 40);
  by(ic);
  await w.incidents.changeStatus({ incidentId: id, to: 'mitigating', reason: 'Rolling back checkout-api to 5.30.2' });

  // 09:26 — the rollback: planned, confirmed with a second approver, run, and verified by its health query.
  await w.catalogue.put({
    name: 'checkout-api',
    rollback: {
      strategies: [
        { kind: 'command', command: 'helm', args: ['rollback', 'checkout-api', '41', '--namespace', 'checkout', '--wait', '--timeout', '5m'], forward: { command: 'helm', args: ['rollback', 'checkout-api', '42', '--namespace', 'checkout', '--wait'] } },
      ],
    },
    health: { promql: errorRatioQuery, threshold: 1, windowSeconds: 300 },
  });
  at(14, 10);
  by(sre);
  const planned = await w.rollbacks.plan({ incidentId: id, service: 'checkout-api', strategy: 'command' });
  // The second approver approves as themselves (an approval.given event), then the SRE confirms.
  by(approver);
  await w.rollbacks.approve({ incidentId: id, rollbackId: planned.id });
  by(sre);
  at(15, 0);
  w.clock.autoStepMs = 15_000;
  await w.rollbacks.confirm({ incidentId: id, rollbackId: planned.id, typedName: 'checkout-api' });
  await w.rollbacks.settled(planned.id);
  w.clock.autoStepMs = 0;
  at(17, 30);
  await check(sre, 'If the gate fails at any stage, roll back');
  at(19, 0);
  await note(sre, 'observation', 'After the rollback: 5xx 0.2%, p99 430 ms, gateway handshakes back to ~150/s. Customers can pay again.');
  at(20, 10);
  await w.pollAlerts(id, DEMO_SERVICES, [latencyAlert]);
  at(21, 0);
  by(ic);
  await w.publish(id, 'executives');
  at(21, 30);
  await w.publish(id, 'customers');
  at(22, 0);
  await note(ic, 'action', 'Hot-fix 5.31.1: owner Sam, reviewer Dana, approver Priya. Branch from v5.31.0, pin keep-alive on, nothing else.');
  await check(ic, 'Name the hot-fix owner');
  await check(ic, 'Agree the smallest change');
  await check(ic, 'Pick the deployment strategy');
  at(23, 40);
  await w.pollAlerts(id, DEMO_SERVICES, []);

  // 09:36 — the hot fix: branch, commits, tests, approval.
  at(25, 0);
  await w.record({ type: 'git.commit', actor: 'git', payload: { service: 'checkout-api', sha: '9f3b2c1d7e8a4b5c6d7e8f9a0b1c2d3e4f5a6b7c', author: dev, message: 'PAY-4821 Re-enable HTTP keep-alive for payments-client (regression in 2.14.0)', branch: 'hotfix/5.31.1', committedAt: iso(24) } });
  await check(dev, 'Branch from the **running**');
  await check(dev, 'Keep the diff minimal');
  at(27, 0);
  await w.record({ type: 'git.commit', actor: 'git', payload: { service: 'checkout-api', sha: '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d', author: dev, message: 'PAY-4821 Add regression test asserting connection reuse', branch: 'hotfix/5.31.1', committedAt: iso(26) } });
  await check(dev, 'Add or extend a test');
  at(30, 0);
  await w.record({ type: 'test.run', actor: 'ci', payload: { suite: 'checkout-api unit + contract tests', outcome: 'passed', details: '1,284 tests, 3m12s' } });
  await check(dev, 'Run the unit tests');
  at(31, 0);
  by(ic);
  await w.publish(id, 'support');
  at(33, 0);
  await w.record({ type: 'test.run', actor: 'ci', payload: { suite: 'staging smoke + load (connection reuse)', outcome: 'passed', details: 'handshakes/s at 140 under 2x traffic' } });
  await check(dev, 'Run the smoke suite');
  await skip(dev, 'If the fix touches data', 'No data change: the fix is a client configuration default.');
  at(34, 0);
  await check(eng, 'Get a code review');
  await w.record({ type: 'approval.recorded', actor: ic, payload: { subject: 'deploy checkout-api 5.31.1 (9f3b2c1) to production, canary first', approver, decision: 'approved' } });
  await check(ic, 'Record the approval');
  await skip(ic, 'For SEV1/SEV2 changes outside business hours', 'Business hours; no change freeze in force.');

  // 09:48 — canary 5% → 25% → 100%.
  at(36, 0);
  await w.record({ type: 'deploy.started', actor: 'deploy-bot', payload: { service: 'checkout-api', version: '5.31.1', strategy: 'canary', percent: 5 } });
  at(41, 0);
  await w.record({ type: 'deploy.finished', actor: 'deploy-bot', payload: { service: 'checkout-api', version: '5.31.1', outcome: 'succeeded', percent: 5 } });
  await check(sre, 'Deploy the hot fix to 5%');
  at(41, 30);
  by(ic);
  await w.publish(id, 'executives');
  at(46, 0);
  await note(sre, 'observation', 'Canary 5% for 10 minutes: p99 405 ms, 5xx 0.1%, handshakes flat. Same as baseline.');
  await check(sre, 'Compare canary vs. baseline');
  at(47, 0);
  await w.record({ type: 'deploy.started', actor: 'deploy-bot', payload: { service: 'checkout-api', version: '5.31.1', strategy: 'canary', percent: 100 } });
  for (const prefix of ['Roll out with `maxUnavailable', 'Watch readiness and error rate per batch', 'Bring up the green stack', 'Switch the load balancer to green']) {
    await skip(sre, prefix, 'Strategy not used: canary.');
  }
  at(55, 0);
  await w.record({ type: 'deploy.finished', actor: 'deploy-bot', payload: { service: 'checkout-api', version: '5.31.1', outcome: 'succeeded', percent: 100 } });
  await check(sre, 'Widen to 25%, 50%, 100%');
  at(56, 0);
  by(ic);
  await w.incidents.changeStatus({ incidentId: id, to: 'monitoring', reason: '5.31.1 on 100% with the tax fix and keep-alive on; watching for 15 minutes' });
  await check(ic, 'Move the incident status to "monitoring"');
  at(58, 0);
  by(ic);
  await w.publish(id, 'customers');
  at(63, 0);
  await check(sre, 'Confirm the alert that opened the incident has resolved');
  await check(sre, 'Reproduce the original failure path');
  at(66, 0);
  await check(sre, 'Check the business metric');
  await check(eng, 'Confirm no new errors appeared');
  await note(sre, 'observation', 'Verified: p99 395 ms, 5xx 0.12%, 1,190 payments/min, payments-gateway handshakes 150/s — all at baseline for 15 minutes.');
  await check(sre, 'Watch error rate, latency and saturation');
  at(71, 0);
  by(ic);
  await w.incidents.changeStatus({ incidentId: id, to: 'resolved', reason: 'Checkout at baseline for 15 minutes on 5.31.1' });
  await check(ic, 'Resolve the incident in Firebreak');
  at(72, 0);
  by(ic);
  for (const audience of ['executives', 'customers', 'support', 'engineers'] as const) await w.publish(id, audience);
  await check(ic, 'Send the resolution update');

  // 10:25 — wrap-up: the merge-back is the current step, owned and noted; the review draft is saved.
  at(74, 0);
  const merge = stepId('Merge the hot-fix branch back into main');
  by(ic);
  await w.checklists.assign({ incidentId: id, runbookId: list().runbookId, stepId: merge, owner: dev });
  by(dev);
  await w.checklists.note({ incidentId: id, runbookId: list().runbookId, stepId: merge, text: 'PR #2291 (hotfix/5.31.1 → main) is open; waiting for CI.' });
  at(75, 0);
  const review = await note(ic, 'decision', 'Post-incident review Thursday 14:00 UTC. Follow-ups: PAY-4830 handshake-rate alert, PAY-4831 contract test for client defaults, PAY-4832 dependency bump checklist.');
  await pin(ic, review.seq);
  await pin(ic, w.store.get(id).log!.events.find((e) => e.type === 'incident.severity_changed')!.seq);
  at(76, 0);
  by(ic);
  await w.store.append(id, [{ type: 'review.saved', actor: ic, payload: { markdown: generateReviewDraft(id, w.store.get(id).log!.events) } }]);
}
