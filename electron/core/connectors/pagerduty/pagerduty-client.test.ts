// Tests for the PagerDuty REST and Events v2 clients against the spec-validated stand-in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpTransport } from '../http/http-transport';
import { fakeClock } from '../testing/local-server';
import { PagerDutyStandIn } from '../testing/pagerduty-stand-in';
import { eventsEnqueueUrl, PagerDutyEventsClient } from './events-client';
import { PagerDutyClient } from './pagerduty-client';
import { testPagerDutyConnection } from './pagerduty-connection';

let pd: PagerDutyStandIn;
let clock: ReturnType<typeof fakeClock>;

function clientFor(apiToken = 'pd-token', fromEmail = 'dana@example.com') {
  clock = fakeClock();
  const http = new HttpTransport({ product: 'PagerDuty', clock, timeoutMs: 2000, maxAttempts: 3 });
  return new PagerDutyClient(http, { apiUrl: pd.url, apiToken, fromEmail });
}

beforeEach(async () => {
  pd = await new PagerDutyStandIn({ pageSize: 2, routingKeys: ['rk-checkout'] }).start();
});

afterEach(async () => {
  expect(pd.violations).toEqual([]);
  await pd.close();
});

describe('PagerDutyClient against the stand-in', () => {
  it('lists the first page of open incidents of chosen services', async () => {
    for (let i = 0; i < 3; i++) pd.seedIncident({ title: `checkout 5xx ${i}` });
    pd.seedIncident({ title: 'payments slow', serviceId: 'PSVC002' });
    pd.seedIncident({ title: 'old', status: 'resolved' });
    // The first request of the file also compiles the stand-in's contract validator; on a busy machine that can outlast a
    // 2 s timeout and cause a retry, which this test counts. A generous timeout keeps the count about paging only.
    const patient = new PagerDutyClient(new HttpTransport({ product: 'PagerDuty', clock: fakeClock(), timeoutMs: 30_000, maxAttempts: 3 }), { apiUrl: pd.url, apiToken: 'pd-token', fromEmail: 'dana@example.com' });
    const open = await patient.openIncidents(['PSVC001']);
    // The stand-in pages by 2: one request, the newest first; later pages are asked for with incidentPage's nextOffset.
    expect(open.map((i) => i.title)).toEqual(['checkout 5xx 2', 'checkout 5xx 1']);
    expect(open[0]).toMatchObject({ status: 'triggered', serviceName: 'checkout', assignees: ['Lee Oncall'] });
    expect(pd.log.filter((l) => l.operationId === 'listIncidents')).toHaveLength(1);
  });

  it('filters incidents on the server and returns the first page at once, even from a list that says more: true forever', async () => {
    pd.endlessMore = true;
    const old = new Date(Date.now() - 3 * 86_400_000).toISOString();
    pd.seedIncident({ title: 'old high', createdAt: old });
    for (let i = 0; i < 3; i++) pd.seedIncident({ title: `new high ${i}` });
    pd.seedIncident({ title: 'new low', urgency: 'low' });
    pd.seedIncident({ title: 'other service', serviceId: 'PSVC002' });
    const client = clientFor();
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const first = await client.incidentPage({ serviceIds: ['PSVC001'], statuses: ['triggered'], urgencies: ['high'], since });
    expect(first.incidents.map((i) => i.title)).toEqual(['new high 2', 'new high 1']);
    expect(first).toMatchObject({ more: true, nextOffset: 2 });
    expect(pd.log.filter((l) => l.operationId === 'listIncidents')).toHaveLength(1);
    const second = await client.incidentPage({ serviceIds: ['PSVC001'], statuses: ['triggered'], urgencies: ['high'], since, offset: first.nextOffset! });
    expect(second.incidents.map((i) => i.title)).toEqual(['new high 0']);
    // Past the end the stand-in still says more: true; an empty page ends the list instead of looping.
    const third = await client.incidentPage({ serviceIds: ['PSVC001'], statuses: ['triggered'], urgencies: ['high'], since, offset: 3 });
    expect(third).toEqual({ incidents: [], more: false });
    expect((await client.openIncidents(['PSVC001'])).length).toBeGreaterThan(0);
  });

  it('acknowledges, resolves and reassigns with the From header', async () => {
    const incident = pd.seedIncident({ title: 'checkout 5xx' });
    const client = clientFor();
    expect((await client.setStatus(incident.id, 'acknowledged')).status).toBe('acknowledged');
    expect((await client.reassign(incident.id, ['PUSER01'])).assignees).toEqual(['Dana Ops']);
    expect((await client.setStatus(incident.id, 'resolved', 'rolled back')).status).toBe('resolved');
    const entries = await client.logEntries(incident.id);
    expect(entries.map((e) => e.type)).toEqual(['trigger_log_entry', 'acknowledge_log_entry', 'assign_log_entry', 'resolve_log_entry']);
    expect(entries[1]!.agent).toBe('Dana Ops');
  });

  it('rejects writes without a valid From address at the contract level', async () => {
    const incident = pd.seedIncident({ title: 'x' });
    await expect(clientFor('pd-token', 'not-an-email').addNote(incident.id, 'hello', 'intent-nofrom01')).rejects.toMatchObject({ status: 400 });
    expect(pd.violations.some((v) => v.includes('"From"'))).toBe(true);
    pd.violations.length = 0;
  });

  it('adds notes with the intent marker and finds them again', async () => {
    const incident = pd.seedIncident({ title: 'x' });
    const client = clientFor();
    await client.addNote(incident.id, 'Rolled back checkout', 'intent-note0001');
    expect(incident.notes[0]!.content).toContain('firebreak:intent-note0001');
    expect((await client.findNoteByIntent(incident.id, 'intent-note0001'))?.content).toContain('Rolled back checkout');
    expect(await client.findNoteByIntent(incident.id, 'intent-note0002')).toBeUndefined();
  });

  it('posts a status update', async () => {
    const incident = pd.seedIncident({ title: 'x' });
    await clientFor().statusUpdate(incident.id, 'Mitigated; monitoring');
    expect(incident.statusUpdates.map((s) => s.message)).toEqual(['Mitigated; monitoring']);
  });

  it('shows who is on call for services through their escalation policies', async () => {
    const oncall = await clientFor().oncallForServices(['PSVC001', 'PSVC002']);
    expect(oncall).toEqual([
      { serviceId: 'PSVC001', serviceName: 'checkout', user: 'Dana Ops', escalationLevel: 1, until: '2026-11-26T00:00:00Z' },
      { serviceId: 'PSVC002', serviceName: 'payments', user: 'Lee Oncall', escalationLevel: 1, until: '2026-11-26T00:00:00Z' },
    ]);
  });

  it('honours Retry-After on 429 for reads', async () => {
    const incident = pd.seedIncident({ title: 'x' });
    pd.inject({ operation: 'GET /incidents/{id}', kind: 'rate_limit', retryAfter: '2', times: 2 });
    const client = clientFor();
    expect((await client.incident(incident.id)).id).toBe(incident.id);
    expect(clock.sleeps).toEqual([2000, 2000]);
  });

  it('reports a malformed incident with the endpoint and field', async () => {
    pd.inject({ operation: 'GET /incidents/{id}', kind: 'wrong_shape', times: 1, body: { incident: { id: 'P1', status: 'on fire' } } });
    await expect(clientFor().incident('P1')).rejects.toThrow(/GET \/incidents\/\{id\} with an unexpected payload at incident\.status/);
  });
});

describe('PagerDuty Events v2', () => {
  it('triggers, acknowledges and resolves one alert by dedup key, and repeats are harmless', async () => {
    const events = new PagerDutyEventsClient(new HttpTransport({ product: 'PagerDuty Events', clock: fakeClock() }), pd.url);
    await events.send('rk-checkout', { action: 'trigger', dedupKey: 'fb-inc-1', summary: 'Checkout down', severity: 'critical' });
    await events.send('rk-checkout', { action: 'trigger', dedupKey: 'fb-inc-1', summary: 'Checkout down', severity: 'critical' });
    expect(pd.alerts.size).toBe(1);
    await events.send('rk-checkout', { action: 'acknowledge', dedupKey: 'fb-inc-1' });
    expect(pd.alerts.get('fb-inc-1')!.status).toBe('acknowledged');
    await events.send('rk-checkout', { action: 'resolve', dedupKey: 'fb-inc-1' });
    expect(pd.alerts.get('fb-inc-1')!.status).toBe('resolved');
  });

  it('accepts the Events URL with or without /v2', async () => {
    for (const [n, url] of [pd.url, `${pd.url}/v2`, `${pd.url}/v2/`, `${pd.url}/v2/enqueue`].entries()) {
      const events = new PagerDutyEventsClient(new HttpTransport({ product: 'PagerDuty Events', clock: fakeClock() }), url);
      await events.send('rk-checkout', { action: 'trigger', dedupKey: `fb-url-${n}`, summary: 'x' });
    }
    expect([...pd.alerts.keys()].filter((k) => k.startsWith('fb-url-'))).toHaveLength(4);
    expect(eventsEnqueueUrl('https://events.pagerduty.com/v2')).toBe('https://events.pagerduty.com/v2/enqueue');
  });

  it('retries a throttled event because the dedup key makes it safe', async () => {
    const clock2 = fakeClock();
    const events = new PagerDutyEventsClient(new HttpTransport({ product: 'PagerDuty Events', clock: clock2 }), pd.url);
    pd.inject({ operation: 'POST /enqueue', kind: 'rate_limit', retryAfter: '5', times: 1 });
    await events.send('rk-checkout', { action: 'trigger', dedupKey: 'fb-inc-2', summary: 'x' });
    expect(clock2.sleeps).toEqual([5000]);
    expect(pd.alerts.size).toBe(1);
  });
});

describe('testPagerDutyConnection', () => {
  it('tells ok from a bad token', async () => {
    expect((await testPagerDutyConnection(clientFor())).outcome).toBe('ok');
    expect((await testPagerDutyConnection(clientFor('nope'))).outcome).toBe('unauthorized');
  });
});
