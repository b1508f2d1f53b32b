// Tests for the update service over a real store in a temp dir with a fake clock: templates, drafts, cadence, publishing.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { audiences, type IncidentEvent } from '../../../shared/events';
import { UpdateDraftSchema } from '../../../shared/ipc/updates';
import { DomainError } from '../../../shared/result';
import { defaultCadencePolicy } from '../../../shared/updates/cadence';
import { buildUpdateContext } from '../../../shared/updates/update-context';
import { DEMO_INCIDENT_ID, seedDemoIncident } from '../demo/seed-demo';
import { IncidentStore } from '../store/incident-store';
import { CadencePolicyFile, CADENCE_FILE } from './cadence-policy-file';
import { TEMPLATES_DIR, UpdateTemplateFiles } from './template-files';
import { unconfiguredDelivery, type UpdateDelivery, type UpdateDeliveryRequest } from './update-delivery';
import { UpdateService } from './update-service';

const assetsDir = join(__dirname, '..', '..', '..', 'assets');
const T0 = Date.parse('2026-11-25T12:00:00.000Z');
const ID = '2026-11-25-checkout-latency-abc123';

let dataDir: string;
let store: IncidentStore;
let clock: Date;
const at = (minutes: number) => (clock = new Date(T0 + minutes * 60_000));

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-updates-'));
  store = await IncidentStore.open(dataDir);
  at(0);
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

function service(delivery: UpdateDelivery = unconfiguredDelivery) {
  return new UpdateService({
    store,
    templates: new UpdateTemplateFiles(dataDir, assetsDir),
    policy: new CadencePolicyFile(dataDir),
    delivery,
    operator: () => 'maya',
    now: () => clock,
  });
}

async function declareSev1(): Promise<void> {
  await store.create(ID, {
    type: 'incident.declared',
    actor: 'maya',
    ts: new Date(T0).toISOString(),
    payload: { title: 'Checkout latency', severity: 'SEV1', commander: 'maya', services: ['checkout'], summary: 'Checkout is slow for EU customers.' },
  });
}

const events = () => store.get(ID).log!.events;
const typesAfter = (seq: number) => events().filter((e) => e.seq > seq).map((e) => e.type);

async function thrown(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('templates', () => {
  it('seeds the shipped templates into the data directory, all valid', async () => {
    const list = await service().templates();
    expect(list.map((t) => t.audience)).toEqual([...audiences]);
    for (const t of list) {
      expect(t.problems).toEqual([]);
      expect(t.customized).toBe(false);
      expect(await readFile(join(dataDir, TEMPLATES_DIR, `${t.audience}.md`), 'utf8')).toBe(t.source);
    }
  });

  it('refuses to save a broken template with line and column, keeps the old file, and saves a good one', async () => {
    const updates = service();
    const before = (await updates.templates())[0]!.source;
    const error = await thrown(updates.saveTemplate('executives', 'Hi\n{{#if changes}}{{chnages}}'));
    expect(error.code).toBe('validation');
    expect(error.details).toEqual(['line 2, column 1: {{#if changes}} is never closed: add {{/if}}.', 'line 2, column 16: Unknown variable "chnages" — did you mean "changes"?']);
    expect(await readFile(join(dataDir, TEMPLATES_DIR, 'executives.md'), 'utf8')).toBe(before);

    const saved = await updates.saveTemplate('executives', '[{{severity}}] {{title}}');
    expect(saved.customized).toBe(true);
    expect((await service().templates())[0]!.source).toBe('[{{severity}}] {{title}}');
    expect((await updates.resetTemplate('executives')).source).toBe(before);
  });

  it('shows problems of a template broken by hand instead of failing', async () => {
    const updates = service();
    await updates.templates();
    await writeFile(join(dataDir, TEMPLATES_DIR, 'support.md'), '{{oops');
    const support = (await updates.templates()).find((t) => t.audience === 'support')!;
    expect(support.problems[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('renders every shipped template for the bundled demo incident without problems', async () => {
    await store.close();
    await seedDemoIncident(dataDir, assetsDir);
    store = await IncidentStore.open(dataDir);
    const updates = service();
    for (const audience of audiences) {
      const draft = await updates.draft(DEMO_INCIDENT_ID, audience);
      const rendered = await updates.render(DEMO_INCIDENT_ID, audience, draft.source);
      expect(rendered.problems).toEqual([]);
      expect(rendered.text).not.toMatch(/\{\{/);
    }
  });
});

describe('reading the log', () => {
  it('drafts, previews, saves and publishes from incremental projections, never reading the whole log, with the variables the log gives', async () => {
    await store.close();
    await seedDemoIncident(dataDir, assetsDir);
    store = await IncidentStore.open(dataDir);
    const log = store.get(DEMO_INCIDENT_ID).log!;
    const whole = log.events;
    clock = new Date(Date.parse(whole.at(-1)!.ts) + 60_000);
    const updates = service();
    const { policy } = await new CadencePolicyFile(dataDir).load();
    const reads = vi.spyOn(Object.getPrototypeOf(log) as typeof log, 'events', 'get');
    for (const audience of audiences) {
      const draft = await updates.draft(DEMO_INCIDENT_ID, audience);
      expect(draft.variables).toEqual(buildUpdateContext(DEMO_INCIDENT_ID, whole, audience, policy, clock)!.values);
      expect(draft.lastSeq).toBe(whole.at(-1)!.seq);
      const rendered = await updates.render(DEMO_INCIDENT_ID, audience, draft.source);
      await updates.saveDraft(DEMO_INCIDENT_ID, audience, `${draft.source}\n\nEdited.`);
      const edited = await updates.render(DEMO_INCIDENT_ID, audience, `${draft.source}\n\nEdited.`);
      await updates.publish({ incidentId: DEMO_INCIDENT_ID, audience, source: `${draft.source}\n\nEdited.`, channels: ['clipboard'], format: 'markdown', renderedAt: edited.renderedAt, expectedText: edited.text! });
      expect(rendered.problems).toEqual([]);
    }
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    // Each publication is now every audience's previous update; the projections saw them without a re-read.
    const after = log.events;
    for (const audience of audiences) {
      expect((await updates.draft(DEMO_INCIDENT_ID, audience)).variables).toEqual(buildUpdateContext(DEMO_INCIDENT_ID, after, audience, policy, clock)!.values);
    }
  });
});

describe('drafts and publishing', () => {
  it('drafts the first SEV1 executive update with a 5-minute deadline and nothing to compare with', async () => {
    await declareSev1();
    at(1);
    const draft = await service().draft(ID, 'executives');
    // The draft is prose generated from the template, ready to edit; the template stays behind "Edit template".
    expect(draft).toMatchObject({ origin: 'generated', audience: 'executives', label: 'Executives', templateProblems: [] });
    expect(draft.source).toBe(draft.generated);
    expect(draft.source).toMatch(/^\*\*\[SEV1 · Critical\] Checkout latency — Investigating\*\*/);
    expect(draft.source).not.toContain('{{');
    expect(draft.cadence).toMatchObject({ state: 'scheduled', dueAt: '2026-11-25T12:05:00.000Z' });
    expect(draft.variables).toMatchObject({ severity: 'SEV1', status: 'Investigating', nextUpdateAt: '12:21 UTC', duration: '1 min' });
    expect(draft.previous).toBeUndefined();
    expect(draft.channels.map((c) => [c.channel, c.configured])).toEqual([
      ['clipboard', true],
      ['markdown_file', true],
      ['jira', false],
      ['pagerduty', false],
    ]);
  });

  it('renders problems instead of text for a broken draft, and a diff for a good one', async () => {
    await declareSev1();
    const updates = service();
    const broken = await updates.render(ID, 'executives', '{{severity}} {{eta}}');
    expect(broken.text).toBeUndefined();
    expect(broken.problems).toHaveLength(1);
    const good = await updates.render(ID, 'executives', '**{{severity}}** {{title}}');
    expect(good).toMatchObject({ text: '**SEV1** Checkout latency', plainText: 'SEV1 Checkout latency', problems: [] });
    expect(good.diff?.added).toBe(3);
  });

  it('publishes to the clipboard and Jira: records text, draft and a not-configured queued delivery, and restarts the cadence', async () => {
    await declareSev1();
    at(3);
    const updates = service();
    const source = '**[{{severity}}] {{title}}** {{status}}. Next update by {{nextUpdateAt}}.';
    const preview = await updates.render(ID, 'executives', source);
    const result = await updates.publish({
      incidentId: ID,
      audience: 'executives',
      source,
      channels: ['clipboard', 'jira'],
      format: 'plain',
      renderedAt: preview.renderedAt,
      expectedText: preview.text!,
    });
    expect(typesAfter(1)).toEqual(['update.cadence_set', 'update.draft_saved', 'update.published', 'update.delivery_queued']);
    expect(result.event).toMatchObject({
      type: 'update.published',
      actor: 'maya',
      ts: '2026-11-25T12:03:00.000Z',
      payload: { audience: 'executives', channel: 'clipboard, jira', channels: ['clipboard', 'jira'], format: 'plain', text: '**[SEV1] Checkout latency** Investigating. Next update by 12:23 UTC.' },
    });
    expect(result.deliveries.map((d) => [d.channel, d.state])).toEqual([
      ['clipboard', 'copied'],
      ['jira', 'not_configured'],
    ]);
    const queued = events().find((e): e is Extract<IncidentEvent, { type: 'update.delivery_queued' }> => e.type === 'update.delivery_queued')!;
    expect(queued.payload).toMatchObject({ channel: 'jira', connectorConfigured: false, publicationId: (result.event.payload as { publicationId: string }).publicationId });
    expect(queued.payload.detail).toContain('not configured');

    at(4);
    const cadence = await updates.cadence(ID);
    expect(cadence.audiences.find((a) => a.audience === 'executives')).toMatchObject({ state: 'scheduled', dueAt: '2026-11-25T12:23:00.000Z' });
    const next = await updates.draft(ID, 'executives');
    // The published draft is spent: the next one starts from the facts again.
    expect(next).toMatchObject({ origin: 'generated', previous: { text: result.event.type === 'update.published' ? result.event.payload.text : '' } });
    expect(next.variables.changes).toEqual([]);
  });

  it('sends only the fact seqs a draft can count: those since the previous update, the newest 2,000 at most, with how many were left out', async () => {
    await declareSev1();
    const updates = service();
    const notes = (count: number, kind: 'note' | 'hypothesis' = 'note') => Array.from({ length: count }, (_, i) => ({ type: 'note.added' as const, actor: 'maya', payload: { text: `Queue depth ${i} on shard ${i % 16}`, kind } }));
    await store.append(ID, notes(1500));
    const source = '{{status}}: {{changes}}';
    const preview = await updates.render(ID, 'engineers', source);
    const published = (await updates.publish({ incidentId: ID, audience: 'engineers', source, channels: ['clipboard'], format: 'markdown', renderedAt: preview.renderedAt, expectedText: preview.text! })).event.seq;

    // Facts before the publication are not sent; hypotheses are no facts for engineers.
    const after = await store.append(ID, [...notes(30), ...notes(5, 'hypothesis')]);
    const small = UpdateDraftSchema.parse(await updates.draft(ID, 'engineers'));
    expect(small.factSeqs).toEqual(after.slice(0, 30).map((e) => e.seq));
    expect(small.factSeqsLeftOut).toBe(0);

    const more = await store.append(ID, notes(2600));
    const draft = await updates.draft(ID, 'engineers');
    expect(UpdateDraftSchema.parse(draft)).toEqual(draft);
    expect(draft.factSeqs).toHaveLength(2000);
    expect(draft.factSeqs).toEqual(more.slice(-2000).map((e) => e.seq));
    expect(draft.factSeqsLeftOut).toBe(30 + 2600 - 2000);
    // What the renderer counts (draft-state.ts): a draft started 100 notes ago has exactly the 100 sent after its basis; one
    // started at the publication is before the first seq sent, with facts left out, so it reads "2,000+".
    const newSince = (basedOnSeq: number) => draft.factSeqs.filter((s) => s > basedOnSeq).length;
    expect(newSince(more.at(-101)!.seq)).toBe(100);
    expect(newSince(published)).toBe(2000);
    expect(published).toBeLessThan(Math.min(...draft.factSeqs));
  });

  it('refuses to publish a broken draft or a text the incident has changed since the preview, recording nothing', async () => {
    await declareSev1();
    const updates = service();
    const renderedAt = clock.toISOString();
    const broken = await thrown(updates.publish({ incidentId: ID, audience: 'customers', source: '{{status', channels: ['clipboard'], format: 'markdown', renderedAt, expectedText: 'x' }));
    expect(broken.code).toBe('validation');
    expect(broken.details?.[0]).toMatch(/^line 1, column 1: /);

    const preview = await updates.render(ID, 'customers', '{{status}}');
    await store.append(ID, [{ type: 'incident.status_changed', actor: 'maya', payload: { from: 'investigating', to: 'identified' } }]);
    const stale = await thrown(updates.publish({ incidentId: ID, audience: 'customers', source: '{{status}}', channels: ['clipboard'], format: 'markdown', renderedAt, expectedText: preview.text! }));
    expect(stale.code).toBe('conflict');

    const long = '{{title}} ' + 'x'.repeat(19990);
    const huge = await thrown(updates.publish({ incidentId: ID, audience: 'customers', source: long, channels: ['clipboard'], format: 'markdown', renderedAt, expectedText: 'x' }));
    expect(huge.message).toContain('at most 20000 can be published');

    at(30);
    const old = await thrown(updates.publish({ incidentId: ID, audience: 'customers', source: '{{status}}', channels: ['clipboard'], format: 'markdown', renderedAt, expectedText: 'Identified' }));
    expect(old.message).toContain('out of date');
    expect(typesAfter(2)).toEqual([]);
  });

  it('enqueues through a configured outbox and records the outbox id', async () => {
    await declareSev1();
    const sent: UpdateDeliveryRequest[] = [];
    const outbox: UpdateDelivery = {
      status: (channel) => ({ channel, configured: true, detail: 'ok' }),
      enqueue: async (request) => {
        sent.push(request);
        return { outboxId: `ob-${sent.length}` };
      },
    };
    const updates = service(outbox);
    const preview = await updates.render(ID, 'engineers', '{{title}}');
    const result = await updates.publish({ incidentId: ID, audience: 'engineers', source: '{{title}}', channels: ['pagerduty'], format: 'markdown', renderedAt: preview.renderedAt, expectedText: preview.text! });
    expect(sent).toMatchObject([{ incidentId: ID, audience: 'engineers', channel: 'pagerduty', text: 'Checkout latency' }]);
    expect(result.deliveries).toMatchObject([{ channel: 'pagerduty', state: 'queued', outboxId: 'ob-1' }]);
    expect(events().at(-1)).toMatchObject({ type: 'update.delivery_queued', payload: { connectorConfigured: true, outboxId: 'ob-1' } });
  });

  it('publishes several audiences at once; a refused audience does not stop the others', async () => {
    await declareSev1();
    at(2);
    const updates = service();
    const exec = await updates.render(ID, 'executives', 'Exec: checkout is slow.');
    const cust = await updates.render(ID, 'customers', 'Customers: checkout is slow.');
    const { results } = await updates.publishMany({
      incidentId: ID,
      channels: ['markdown_file', 'jira'],
      format: 'markdown',
      items: [
        { audience: 'executives', source: 'Exec: checkout is slow.', renderedAt: exec.renderedAt, expectedText: exec.text! },
        { audience: 'customers', source: 'Customers: checkout is slow.', renderedAt: cust.renderedAt, expectedText: cust.text! },
        { audience: 'support', source: '{{oops', renderedAt: cust.renderedAt, expectedText: 'x' },
      ],
    });
    expect(results.map((r) => [r.audience, r.published?.deliveries.map((d) => `${d.channel}:${d.state}`), r.error?.code])).toEqual([
      ['executives', ['markdown_file:downloaded', 'jira:not_configured'], undefined],
      ['customers', ['markdown_file:downloaded', 'jira:not_configured'], undefined],
      ['support', undefined, 'validation'],
    ]);
    // The status page goes with customers only; for executives it is left out, and alone it is refused.
    at(3);
    const again = await updates.render(ID, 'executives', 'Exec again.');
    const custAgain = await updates.render(ID, 'customers', 'Customers again.');
    const statusOnly = await updates.publishMany({
      incidentId: ID,
      channels: ['statuspage'],
      format: 'markdown',
      items: [
        { audience: 'executives', source: 'Exec again.', renderedAt: again.renderedAt, expectedText: again.text! },
        { audience: 'customers', source: 'Customers again.', renderedAt: custAgain.renderedAt, expectedText: custAgain.text! },
      ],
    });
    expect(statusOnly.results.map((r) => [r.audience, r.published?.deliveries.map((d) => d.channel), r.error?.code])).toEqual([
      ['executives', undefined, 'validation'],
      ['customers', ['statuspage'], undefined],
    ]);
    // The cadence in force is recorded once, with the first publication; prose needs no separate draft event.
    expect(events().filter((e) => e.type === 'update.cadence_set')).toHaveLength(1);
    expect(events().filter((e) => e.type === 'update.draft_saved')).toHaveLength(0);
    expect((await updates.cadence(ID)).audiences.filter((a) => a.lastPublishedAt).map((a) => a.audience)).toEqual(['executives', 'customers']);
    expect(events().filter((e) => e.type === 'update.published' && e.payload.channels?.includes('statuspage')).map((e) => e.type === 'update.published' && e.payload.audience)).toEqual(['customers']);
  });

  it('records impact and next step as events, restated as they change, and feeds them to every audience', async () => {
    await declareSev1();
    const updates = service();
    expect(await updates.facts(ID)).toMatchObject({ publishedAny: false, severity: 'SEV1', ruleText: 'every 20 min for 2 hours, then every 1 hour', policyOrigin: 'unrecorded' });
    await updates.setImpact(ID, { who: 'EU shoppers', howBadly: 'checkout takes 30 s', since: '11:50 UTC' });
    await updates.setNextStep(ID, 'Rolling back checkout 2.4');
    expect((await thrown(updates.setNextStep(ID, 'Rolling back checkout 2.4'))).code).toBe('conflict');
    at(1);
    await updates.setImpact(ID, { who: 'EU shoppers', howBadly: 'checkout fails for 10%', since: '11:50 UTC' });
    expect((await updates.facts(ID)).impact).toMatchObject({ howBadly: 'checkout fails for 10%' });
    // The cadence in force was recorded when the impact was first stated, once.
    expect((await updates.facts(ID)).policyOrigin).toBe('settings');
    expect(events().filter((e) => e.type === 'update.cadence_set')).toHaveLength(1);
    for (const audience of audiences) {
      const draft = await updates.draft(ID, audience);
      expect(draft.source).toContain('EU shoppers — checkout fails for 10% (since 11:50 UTC)');
      expect(draft.source).toContain('Rolling back checkout 2.4');
    }
  });

  it('lets the commander tighten the cadence for this incident, recorded in the log', async () => {
    await declareSev1();
    const updates = service();
    const rule = { firstWithinMinutes: 5, phases: [], thenEveryMinutes: 15, audiences: [...audiences] };
    const facts = await updates.setCadence(ID, rule, 'SEV1 every 15 min');
    expect(facts).toMatchObject({ ruleText: 'every 15 min', policyOrigin: 'commander' });
    expect(events().at(-1)).toMatchObject({ type: 'update.cadence_set', payload: { origin: 'commander', reason: 'SEV1 every 15 min' } });
    // Today's settings no longer decide this incident's countdown.
    await updates.savePolicy({ ...defaultCadencePolicy, SEV1: { ...defaultCadencePolicy.SEV1!, firstWithinMinutes: 30 } });
    expect((await updates.cadence(ID)).next?.dueAt).toBe('2026-11-25T12:05:00.000Z');
    expect((await thrown(updates.setCadence(ID, rule))).code).toBe('conflict');
  });

  it('saves drafts as events and refuses an unchanged one', async () => {
    await declareSev1();
    const updates = service();
    await updates.saveDraft(ID, 'support', 'v1 {{title}}');
    expect((await thrown(updates.saveDraft(ID, 'support', 'v1 {{title}}'))).code).toBe('conflict');
    expect((await updates.draft(ID, 'support')).source).toBe('v1 {{title}}');
    await updates.saveDraft(ID, 'support', 'v2 by hand', { basedOnSeq: 1, base: 'v1 generated' });
    expect(await updates.draft(ID, 'support')).toMatchObject({ origin: 'draft', source: 'v2 by hand', basedOnSeq: 1, base: 'v1 generated' });
    // With its device id, the service names the basis by global id, so another laptop finds the same event.
    const named = new UpdateService({ store, templates: new UpdateTemplateFiles(dataDir, assetsDir), policy: new CadencePolicyFile(dataDir), delivery: unconfiguredDelivery, operator: () => 'maya', deviceId: () => 'dev_updates', now: () => clock });
    const saved = await named.saveDraft(ID, 'support', 'v3 by hand', { basedOnSeq: 1, base: 'v1 generated' });
    expect(saved.payload).toEqual({ audience: 'support', source: 'v3 by hand', basedOnId: 'dev_updates.1', base: 'v1 generated' });
    expect(await named.draft(ID, 'support')).toMatchObject({ origin: 'draft', source: 'v3 by hand', basedOnSeq: 1 });
  });
});

describe('cadence and reminders', () => {
  it('acknowledges the current reminder once, and refuses one that is not due', async () => {
    await declareSev1();
    at(6);
    const updates = service();
    expect((await thrown(updates.acknowledgeReminder(ID, 'executives', '2026-11-25T12:10:00.000Z'))).code).toBe('conflict');
    const status = await updates.acknowledgeReminder(ID, 'executives', '2026-11-25T12:05:00.000Z');
    expect(status.audiences.find((a) => a.audience === 'executives')).toMatchObject({ state: 'overdue', acknowledged: true });
    await updates.acknowledgeReminder(ID, 'executives', '2026-11-25T12:05:00.000Z');
    expect(typesAfter(1)).toEqual(['update.reminder_acknowledged']);
  });

  it('uses a saved policy, rejects an invalid one, and falls back to defaults with a reported problem for a broken file', async () => {
    await declareSev1();
    const updates = service();
    const invalid = await thrown(updates.savePolicy({ ...defaultCadencePolicy, SEV1: { ...defaultCadencePolicy.SEV1!, firstWithinMinutes: 0 } }));
    expect(invalid.details?.[0]).toContain('SEV1.firstWithinMinutes');
    await updates.savePolicy({ ...defaultCadencePolicy, SEV1: { ...defaultCadencePolicy.SEV1!, firstWithinMinutes: 10 } });
    expect((await updates.cadence(ID)).next?.dueAt).toBe('2026-11-25T12:10:00.000Z');

    await writeFile(join(dataDir, CADENCE_FILE), '{ not json');
    const fallback = await updates.cadence(ID);
    expect(fallback.next?.dueAt).toBe('2026-11-25T12:05:00.000Z');
    expect(fallback.policyProblem).toContain('not valid JSON');
  });
});
