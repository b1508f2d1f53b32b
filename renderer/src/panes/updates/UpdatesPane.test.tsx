// @vitest-environment happy-dom
// The updates pane against a core stand-in checked by the real IPC contract: impact asked before the first update, one
// overdue line with "Draft all", one publish for several audiences with a per audience × channel result, and a
// hand-edited draft that counts new events and merges them only when asked.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Audience, IncidentEvent } from '../../../../shared/events';
import type { UpdateDraft, UpdateFacts } from '../../../../shared/ipc/updates';
import { defaultCadencePolicy } from '../../../../shared/updates/cadence';
import { cadence, incidentState, listItem } from '../../test/incident-fixtures';
import { renderWithCore, resetCore } from '../../test/render-with-core';
import { UpdatesPane } from './UpdatesPane';

const ID = 'inc-payments';
const NOW = Date.parse('2026-03-01T10:10:00.000Z');
const labels: Record<Audience, string> = { executives: 'Executives', customers: 'Customers (status page)', support: 'Support', engineers: 'Engineering' };

function draftOf(audience: Audience, generated: string, lastSeq: number, factSeqs: number[], factSeqsLeftOut = 0): UpdateDraft {
  return {
    incidentId: ID,
    audience,
    label: labels[audience],
    source: generated,
    origin: 'generated',
    generated,
    templateSource: '**{{status}}** {{title}}',
    templateProblems: [],
    lastSeq,
    factSeqs,
    factSeqsLeftOut,
    variables: { status: 'Investigating', title: 'Payments' },
    catalogue: [],
    at: new Date(NOW).toISOString(),
    cadence: { audience, state: 'overdue', dueAt: '2026-03-01T10:05:00.000Z', reason: 'First update within 5 min of declaring a SEV1.', acknowledged: false },
    channels: [
      { channel: 'clipboard', configured: true, detail: 'Copies.' },
      { channel: 'markdown_file', configured: true, detail: 'Saves a file.' },
      { channel: 'jira', configured: false, detail: 'Jira is not configured.' },
      { channel: 'pagerduty', configured: false, detail: 'PagerDuty is not configured.' },
    ],
  };
}

const event = (seq: number, type: 'update.impact_set' | 'update.next_step_set', payload: object) =>
  ({ v: 1, seq, ts: new Date(NOW).toISOString(), actor: 'ana', type, payload }) as unknown as IncidentEvent;

const stated: UpdateFacts = {
  impact: { who: 'EU card payments', howBadly: '30% declined', since: '09:52 UTC', ts: new Date(NOW).toISOString() },
  nextStep: { text: 'Failing over', ts: new Date(NOW).toISOString() },
  publishedAny: false,
  severity: 'SEV1',
  rule: defaultCadencePolicy.SEV1,
  ruleText: 'every 20 min for 2 hours, then every 1 hour',
  policyOrigin: 'unrecorded',
};

function renderPane(options: { facts: UpdateFacts; drafts?: Partial<Record<Audience, UpdateDraft>> }) {
  const drafts: Record<Audience, UpdateDraft> = {
    executives: draftOf('executives', '**Investigating** — Payments\n\n**Customer impact:** EU card payments', 3, [2, 3]),
    customers: draftOf('customers', 'We are investigating payments.', 3, [2, 3]),
    support: draftOf('support', 'Support briefing.', 3, [2, 3]),
    engineers: draftOf('engineers', 'Engineering view.', 3, [2, 3]),
    ...options.drafts,
  };
  let facts = options.facts;
  const harness = renderWithCore(<UpdatesPane incidentId={ID} />, {
    'incidents.get': () => listItem(incidentState({ id: ID })),
    'updates.facts': () => facts,
    'updates.draft': ({ audience }) => drafts[audience],
    'updates.cadence': () =>
      cadence({ audiences: (['executives', 'customers', 'support'] as const).map((a) => drafts[a].cadence).concat([{ audience: 'engineers', state: 'off', reason: 'off', acknowledged: false }]) }),
    'updates.policy': () => ({ policy: defaultCadencePolicy, origin: 'default', file: 'update-cadence.json' }),
    'updates.render': ({ source }) => ({ text: source, plainText: source, problems: [], renderedAt: new Date(NOW).toISOString() }),
    'updates.setImpact': (input) => {
      facts = { ...facts, impact: { who: input.who, howBadly: input.howBadly, since: input.since, ts: new Date(NOW).toISOString() } };
      return event(4, 'update.impact_set', { who: input.who, howBadly: input.howBadly, since: input.since });
    },
    'updates.setNextStep': ({ text }) => {
      facts = { ...facts, nextStep: { text, ts: new Date(NOW).toISOString() } };
      return event(5, 'update.next_step_set', { text });
    },
    'updates.publishMany': ({ items, channels }) => ({
      results: items.map((i) => ({
        audience: i.audience,
        published: {
          event: { v: 1, seq: 9, ts: new Date(NOW).toISOString(), actor: 'ana', type: 'update.published', payload: { audience: i.audience, channel: channels.join(', '), text: i.expectedText } } as IncidentEvent,
          deliveries: channels.map((c) => (c === 'jira' ? { channel: c, state: 'not_configured' as const, detail: 'Jira is not configured.' } : { channel: c, state: 'copied' as const, detail: 'Copied.' })),
        },
      })),
    }),
  });
  return { ...harness, drafts };
}

describe('UpdatesPane', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: NOW });
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: vi.fn(() => Promise.resolve()) } });
  });
  afterEach(() => {
    resetCore();
    vi.useRealTimers();
  });

  it('asks for the impact and next step before the first update, and publishing waits for them', async () => {
    const { callsTo } = renderPane({ facts: { ...stated, impact: undefined, nextStep: undefined } as unknown as UpdateFacts });
    const form = await screen.findByRole('form', { name: 'Before the first update' });
    expect(await screen.findByText('State the impact and next step first.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Publish update' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(form).getByRole('button', { name: 'Save impact and next step' }));
    expect(within(form).getByRole('alert').textContent).toBe('Fill in: Who is affected, How badly, Since when, Next step.');
    expect(callsTo('updates.setImpact')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Who is affected'), { target: { value: 'EU card payments' } });
    fireEvent.change(within(form).getByLabelText('How badly'), { target: { value: '30% declined' } });
    fireEvent.change(within(form).getByLabelText('Since when'), { target: { value: '09:52 UTC' } });
    fireEvent.change(within(form).getByLabelText('Next step'), { target: { value: 'Failing over' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save impact and next step' }));
    await waitFor(() => expect(callsTo('updates.setImpact')).toEqual([{ incidentId: ID, who: 'EU card payments', howBadly: '30% declined', since: '09:52 UTC' }]));
    expect(callsTo('updates.setNextStep')).toEqual([{ incidentId: ID, text: 'Failing over' }]);
    expect((await screen.findByTestId('stated-facts')).textContent).toContain('EU card payments — 30% declined (since 09:52 UTC)');
    await waitFor(() => expect((screen.getByRole('button', { name: 'Publish update' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('collapses overdue audiences into one line; "Draft all" then one Publish sends every one, with a result per audience × channel', async () => {
    const { callsTo } = renderPane({ facts: stated });
    const line = await screen.findByRole('alert', { name: 'Update reminders' });
    expect(screen.getAllByRole('alert', { name: 'Update reminders' })).toHaveLength(1);
    expect(line.textContent).toContain('3 updates overdue');
    expect(line.textContent).toContain('(Executives, Customers, Support)');

    fireEvent.click(within(line).getByRole('button', { name: 'Draft all' }));
    await waitFor(() => expect(screen.getByTestId('publish-summary').textContent).toBe('Executives, Customers, Support → Clipboard'));
    fireEvent.click(screen.getByRole('button', { name: 'Audiences and channels…' }));
    fireEvent.click(screen.getByLabelText(/Jira comment/));
    const publish = await screen.findByRole('button', { name: 'Publish to 3 audiences' });
    await waitFor(() => expect((publish as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(publish);

    await waitFor(() => expect(callsTo('updates.publishMany')).toHaveLength(1));
    const [call] = callsTo('updates.publishMany') as { items: { audience: string; expectedText: string }[]; channels: string[] }[];
    expect(call!.items.map((i) => i.audience)).toEqual(['executives', 'customers', 'support']);
    expect(call!.items[1]!.expectedText).toBe('We are investigating payments.');
    expect(call!.channels).toEqual(['clipboard', 'jira']);
    const table = await screen.findByRole('table', { name: 'Publish result' });
    const row = within(table).getByRole('row', { name: /Customers/ });
    expect(row.textContent).toContain('copied');
    expect(row.textContent).toContain('not sent — Jira is not configured.');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
  });

  it('does not overwrite a hand-edited draft with new events: it counts them and merges on request', async () => {
    const { drafts, queryClient } = renderPane({ facts: stated });
    const area = (await screen.findByLabelText('Draft for Executives')) as HTMLTextAreaElement;
    await waitFor(() => expect(area.value).toBe('**Investigating** — Payments\n\n**Customer impact:** EU card payments'));
    fireEvent.change(area, { target: { value: '**Investigating** — Payments\n\n**Customer impact:** Card payments in the EU fail for a third of shoppers.' } });

    // Two facts arrive (status changed, next step stated); the core regenerates the draft from them.
    drafts.executives = draftOf('executives', '**Identified** — Payments\n\n**Customer impact:** EU card payments\n\n**What we are doing:** Failing over', 6, [2, 3, 5, 6]);
    await act(() => queryClient.refetchQueries());
    const notice = await screen.findByText(/new events since you started this draft/);
    expect(notice.textContent).toContain('2 new events since you started this draft');
    expect(area.value).toContain('Card payments in the EU fail for a third of shoppers.');
    expect(area.value).not.toContain('Failing over');

    // A long incident: the core sends only the newest 2,000 facts and says 500 more were left out; the draft is older.
    const regenerated = drafts.executives;
    drafts.executives = draftOf('executives', regenerated.generated!, 3000, Array.from({ length: 2000 }, (_, i) => 1001 + i), 500);
    await act(() => queryClient.refetchQueries());
    await waitFor(() => expect(screen.getByText(/new events since you started this draft/).textContent).toContain('2,000+ new events since you started this draft'));
    drafts.executives = regenerated;
    await act(() => queryClient.refetchQueries());
    await waitFor(() => expect(screen.getByText(/new events since you started this draft/).textContent).toContain('2 new events since you started this draft'));

    fireEvent.click(within(notice).getByRole('button', { name: 'Merge new facts' }));
    expect(area.value).toBe('**Identified** — Payments\n\n**Customer impact:** Card payments in the EU fail for a third of shoppers.\n\n**What we are doing:** Failing over');
    expect(screen.queryByText(/new events since you started this draft/)).toBeNull();
  });
});
