// Writes assets/demo-incident/events.jsonl: a recorded, clearly labelled demo outage that follows the hot-fix lifecycle.
// Deterministic (seeded), so regenerating gives the same bytes; run with `npm run demo:generate`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chainHash, GENESIS_HASH } from '../electron/core/store/hash-chain';
import { EVENT_SCHEMA_VERSION, IncidentEvent, type NewEvent } from '../shared/events';

const start = Date.parse('2026-03-14T09:12:00.000Z');
const events: IncidentEvent[] = [];
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

function at(minute: number, second = 0): string {
  return new Date(start + minute * 60_000 + second * 1000).toISOString();
}

function add(minute: number, second: number, event: NewEvent): void {
  const candidate = { ...event, v: EVENT_SCHEMA_VERSION, seq: events.length + 1, ts: at(minute, second) };
  const parsed = IncidentEvent.parse(candidate);
  parsed.h = chainHash(events.at(-1)?.h ?? GENESIS_HASH, parsed);
  events.push(parsed);
}

const ic = 'maya.okafor';
const sre = 'lee.tanaka';
const dev = 'sam.patel';
const eng = 'dana.kim';

// Metrics the on-call watched: checkout p99 latency and error ratio, one observation a minute per metric.
function latencyAt(minute: number): number {
  if (minute < 0) return 420;
  if (minute < 52) return 2400 + Math.round(random() * 900);
  if (minute < 58) return 1300 + Math.round(random() * 300);
  if (minute < 66) return 700 + Math.round(random() * 150);
  return 390 + Math.round(random() * 60);
}
function errorsAt(minute: number): number {
  if (minute < 52) return Math.round((6 + random() * 4) * 10) / 10;
  if (minute < 58) return Math.round((2 + random()) * 10) / 10;
  if (minute < 66) return Math.round((0.6 + random() * 0.3) * 10) / 10;
  return Math.round((0.1 + random() * 0.1) * 100) / 100;
}

const scripted: [number, number, NewEvent][] = [
  [0, 0, { type: 'incident.declared', actor: ic, payload: { title: 'Checkout latency and 5xx after payments-client 2.14.0', severity: 'SEV2', commander: ic, services: ['checkout-api', 'payments-gateway'], summary: 'DEMO — a recorded example incident bundled with Firebreak. Checkout p99 latency jumped from ~400 ms to ~3 s and 5xx rose to ~8% minutes after payments-client 2.14.0 rolled out.', demo: true } }],
  [0, 5, { type: 'alert.fired', actor: 'alertmanager', payload: { alertname: 'CheckoutLatencyP99High', summary: 'checkout-api p99 latency above 1.5 s for 5 minutes', service: 'checkout-api', severity: 'page', fingerprint: 'a1f3c9e2d4b5', labels: { team: 'payments', env: 'prod', region: 'eu-west-1' } } }],
  [0, 20, { type: 'alert.fired', actor: 'alertmanager', payload: { alertname: 'CheckoutErrorRateHigh', summary: 'checkout-api 5xx ratio above 5%', service: 'checkout-api', severity: 'page', fingerprint: 'b7e2d1a0c9f8', labels: { team: 'payments', env: 'prod' } } }],
  [0, 30, { type: 'page.triggered', actor: 'pagerduty', payload: { service: 'checkout-api', target: sre, summary: 'CheckoutLatencyP99High firing', source: 'pagerduty' } }],
  [2, 10, { type: 'page.acknowledged', actor: 'pagerduty', payload: { by: sre, source: 'pagerduty' } }],
  [3, 0, { type: 'note.added', actor: sre, payload: { kind: 'observation', text: 'Latency spike starts 09:07, right after the 09:05 deploy of checkout-api 5.31.0 (bumps payments-client to 2.14.0).' } }],
  [4, 0, { type: 'note.added', actor: ic, payload: { kind: 'action', text: 'Triage: confirm blast radius — all regions or eu-west only? Lee checking dashboards, Sam reading the payments-client changelog.' } }],
  [6, 30, { type: 'note.added', actor: sre, payload: { kind: 'observation', text: 'All regions affected. ~8% of checkout attempts fail with 502 from payments-gateway; retries make latency worse.' } }],
  [7, 0, { type: 'incident.severity_changed', actor: ic, payload: { from: 'SEV2', to: 'SEV1', reason: 'Revenue-critical path failing for customers in every region.' } }],
  [7, 30, { type: 'page.triggered', actor: 'pagerduty', payload: { service: 'payments-gateway', target: dev, summary: 'Escalation: payments-client regression suspected', source: 'pagerduty' } }],
  [8, 40, { type: 'page.acknowledged', actor: 'pagerduty', payload: { by: dev, source: 'pagerduty' } }],
  [9, 0, { type: 'update.published', actor: ic, payload: { audience: 'executives', channel: 'clipboard', text: 'SEV1: checkout is slow and ~8% of payments fail in all regions since 09:07 UTC. Cause suspected in a payments library update. Team engaged; next update 09:41 UTC.' } }],
  [9, 30, { type: 'update.published', actor: ic, payload: { audience: 'customers', channel: 'clipboard', text: 'We are investigating elevated errors and slow responses at checkout. Some payments may fail; please retry. Next update in 20 minutes.' } }],
  [11, 0, { type: 'note.added', actor: dev, payload: { kind: 'hypothesis', text: 'payments-client 2.14.0 dropped HTTP keep-alive: every call opens a new TLS connection to payments-gateway, which hits its connection limit.' } }],
  [13, 0, { type: 'note.added', actor: sre, payload: { kind: 'observation', text: 'payments-gateway shows 4,000 new TLS handshakes/s (normal ~150). Connection pool exhausted. Supports the keep-alive hypothesis.' } }],
  [14, 0, { type: 'incident.status_changed', actor: ic, payload: { from: 'investigating', to: 'identified', reason: 'Keep-alive regression in payments-client 2.14.0' } }],
  [15, 0, { type: 'note.added', actor: ic, payload: { kind: 'decision', text: 'Options: (a) roll back checkout-api to 5.30.2 — but it also carries the tax fix needed by noon; (b) hot-fix: pin keep-alive on in 5.31.1. Choosing (b) with a canary; rollback stays ready as plan B.' } }],
  [16, 0, { type: 'approval.recorded', actor: ic, payload: { subject: 'hot-fix plan for checkout-api 5.31.1 (canary)', approver: 'priya.raman', decision: 'approved' } }],
  [17, 0, { type: 'incident.status_changed', actor: ic, payload: { from: 'identified', to: 'mitigating', reason: 'Hot-fix in progress' } }],
  [22, 0, { type: 'git.commit', actor: 'git', payload: { service: 'checkout-api', sha: '9f3b2c1d7e8a4b5c6d7e8f9a0b1c2d3e4f5a6b7c', author: dev, message: 'PAY-4821 Re-enable HTTP keep-alive for payments-client (regression in 2.14.0)', branch: 'hotfix/5.31.1' } }],
  [24, 0, { type: 'git.commit', actor: 'git', payload: { service: 'checkout-api', sha: '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d', author: dev, message: 'PAY-4821 Add regression test asserting connection reuse', branch: 'hotfix/5.31.1' } }],
  [27, 0, { type: 'test.run', actor: 'ci', payload: { suite: 'checkout-api unit + contract tests', outcome: 'passed', details: '1,284 tests, 3m12s' } }],
  [29, 0, { type: 'update.published', actor: ic, payload: { audience: 'executives', channel: 'clipboard', text: 'SEV1 update: cause identified (payments library regression). Fix written and tested; canary rollout starts ~09:45 UTC. Impact unchanged. Next update 10:01 UTC.' } }],
  [29, 30, { type: 'update.published', actor: ic, payload: { audience: 'support', channel: 'clipboard', text: 'Customers may see failed payments at checkout; advise retry. Fix rolling out from ~09:45 UTC. Macro: PAY-OUTAGE-0314.' } }],
  [31, 0, { type: 'test.run', actor: 'ci', payload: { suite: 'staging load test (connection reuse)', outcome: 'passed', details: 'handshakes/s back to 140 at 2x traffic' } }],
  [32, 0, { type: 'approval.recorded', actor: ic, payload: { subject: 'deploy checkout-api 5.31.1 to production (canary first)', approver: 'priya.raman', decision: 'approved' } }],
  [33, 0, { type: 'git.commit', actor: 'git', payload: { service: 'checkout-api', sha: '7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d', author: eng, message: 'Merge hotfix/5.31.1 into release (tag v5.31.1)', branch: 'release' } }],
  [35, 0, { type: 'deploy.started', actor: 'deploy-bot', payload: { service: 'checkout-api', version: '5.31.1', strategy: 'canary', percent: 5 } }],
  [40, 0, { type: 'note.added', actor: sre, payload: { kind: 'observation', text: 'Canary 5%: p99 on canary pods 410 ms, 5xx 0.1%. Old pods unchanged.' } }],
  [41, 0, { type: 'deploy.finished', actor: 'deploy-bot', payload: { service: 'checkout-api', version: '5.31.1', outcome: 'succeeded', percent: 5 } }],
  [42, 0, { type: 'deploy.started', actor: 'deploy-bot', payload: { service: 'checkout-api', version: '5.31.1', strategy: 'canary', percent: 25 } }],
  [48, 0, { type: 'deploy.finished', actor: 'deploy-bot', payload: { service: 'checkout-api', version: '5.31.1', outcome: 'succeeded', percent: 25 } }],
  [49, 0, { type: 'update.published', actor: ic, payload: { audience: 'executives', channel: 'clipboard', text: 'SEV1 update: fix healthy on 25% of traffic; full rollout under way. Expect recovery by ~10:20 UTC. Next update 10:21 UTC.' } }],
  [50, 0, { type: 'deploy.started', actor: 'deploy-bot', payload: { service: 'checkout-api', version: '5.31.1', strategy: 'rolling', percent: 100 } }],
  [57, 0, { type: 'deploy.finished', actor: 'deploy-bot', payload: { service: 'checkout-api', version: '5.31.1', outcome: 'succeeded', percent: 100 } }],
  [58, 0, { type: 'incident.status_changed', actor: ic, payload: { from: 'mitigating', to: 'monitoring', reason: '5.31.1 on 100%; watching for 15 minutes' } }],
  [60, 0, { type: 'alert.resolved', actor: 'alertmanager', payload: { alertname: 'CheckoutErrorRateHigh', fingerprint: 'b7e2d1a0c9f8' } }],
  [64, 0, { type: 'alert.resolved', actor: 'alertmanager', payload: { alertname: 'CheckoutLatencyP99High', fingerprint: 'a1f3c9e2d4b5' } }],
  [66, 0, { type: 'update.published', actor: ic, payload: { audience: 'customers', channel: 'clipboard', text: 'A fix has been deployed and checkout has recovered. We are monitoring closely.' } }],
  [70, 0, { type: 'note.added', actor: sre, payload: { kind: 'observation', text: 'Verified: p99 395 ms, 5xx 0.12%, payments-gateway handshakes 150/s — all at baseline for 12 minutes.' } }],
  [73, 0, { type: 'incident.status_changed', actor: ic, payload: { from: 'monitoring', to: 'resolved', reason: 'Metrics at baseline for 15 minutes' } }],
  [74, 0, { type: 'update.published', actor: ic, payload: { audience: 'engineers', channel: 'clipboard', text: 'Resolved. Root cause: payments-client 2.14.0 disabled keep-alive by default. Fix: checkout-api 5.31.1 (PAY-4821). Review Thursday; follow-ups: pin client config, add handshake-rate alert.' } }],
  [74, 30, { type: 'update.published', actor: ic, payload: { audience: 'executives', channel: 'clipboard', text: 'SEV1 resolved at 10:25 UTC. Checkout was degraded for 73 minutes (~8% of payments failed). Cause: a payments library update; fixed by checkout-api 5.31.1. Review on Thursday.' } }],
  [74, 45, { type: 'update.published', actor: ic, payload: { audience: 'customers', channel: 'clipboard', text: 'Resolved: checkout is working normally again. Payments that failed between 09:07 and 10:10 UTC were not charged; please retry them. We are sorry for the disruption.' } }],
  [75, 0, { type: 'update.published', actor: ic, payload: { audience: 'support', channel: 'clipboard', text: 'Resolved at 10:25 UTC. Failed payments between 09:07 and 10:10 UTC were not charged; customers can retry. Close tickets with macro PAY-OUTAGE-0314-RESOLVED.' } }],
  [76, 0, { type: 'note.added', actor: ic, payload: { kind: 'action', text: 'Document: post-incident review scheduled Thursday 14:00 UTC. Action items: PAY-4830 handshake-rate alert, PAY-4831 contract test for client defaults, PAY-4832 dependency bump checklist.' } }],
];

const timeline: [number, number, NewEvent][] = [...scripted];
for (let minute = -8; minute <= 76; minute++) {
  for (const service of ['checkout-api'] as const) {
    timeline.push([minute, 45, { type: 'metric.observed', actor: 'prometheus', payload: { service, metric: 'p99_latency', value: latencyAt(minute), unit: 'ms' } }]);
    timeline.push([minute, 46, { type: 'metric.observed', actor: 'prometheus', payload: { service, metric: 'error_ratio', value: errorsAt(minute), unit: '%' } }]);
  }
  {
    timeline.push([minute, 47, { type: 'metric.observed', actor: 'prometheus', payload: { service: 'payments-gateway', metric: 'tls_handshakes_per_s', value: minute < 0 || minute >= 58 ? 140 + Math.round(random() * 20) : 3600 + Math.round(random() * 800), unit: '/s' } }]);
  }
}
// Metric observations before the declaration are recorded at declaration time (captured when the incident opened).
const ordered = timeline
  .map(([m, s, e]) => (m < 0 ? ([0, 1, e] as [number, number, NewEvent]) : ([m, s, e] as [number, number, NewEvent])))
  .sort((a, b) => a[0] * 60 + a[1] - (b[0] * 60 + b[1]));
for (const [m, s, e] of ordered) add(m, s, e);

const dir = join(__dirname, '..', 'assets', 'demo-incident');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
console.log(`Wrote ${events.length} demo events to ${dir}`);
