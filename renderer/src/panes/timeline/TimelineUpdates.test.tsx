// @vitest-environment happy-dom
// A published update on the timeline: one line with its audience and first sentence (no Markdown markup), and a disclosure
// that opens the rendered update below it and keeps it open while other events arrive.
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { incidentLog } from '../../../../shared/updates/incident-log.test-support';
import { appInfo } from '../../test/incident-fixtures';
import { renderWithCore, resetCore } from '../../test/render-with-core';
import { TimelinePane } from './TimelinePane';

afterEach(resetCore);

// happy-dom lays nothing out; give the virtualized list a viewport so it renders its rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
});

const UPDATE = '**[SEV1] Checkout errors** — Mitigating. Customers in the EU cannot pay.\n\n| Service | Status |\n| --- | --- |\n| checkout | ~~down~~ degraded |\n\nNext update by 13:00 UTC.';

function log() {
  return incidentLog('2026-11-25T12:00:00.000Z', { title: 'Checkout errors', severity: 'SEV1', commander: 'alice', services: ['checkout'] })
    .at(5, { type: 'update.published', payload: { audience: 'executives', channel: 'clipboard, jira', channels: ['clipboard', 'jira'], text: UPDATE, format: 'markdown' } })
    .at(6, { type: 'note.added', payload: { text: 'p99 back under 1 s', kind: 'observation' } });
}

function renderPane(events = log().events) {
  return renderWithCore(<TimelinePane incidentId="inc-1" events={events} />, { 'app.info': () => appInfo });
}

describe('published updates on the timeline', () => {
  it('show as one line with the audience and the first sentence, markup stripped', async () => {
    renderPane();
    const row = (await screen.findByText(/Update to executives/)).closest<HTMLElement>('[role="listitem"]')!;
    expect(row.textContent).toContain('Update to executives via clipboard, jira: [SEV1] Checkout errors — Mitigating.');
    expect(row.textContent).not.toContain('**');
    expect(row.textContent).not.toContain('Customers in the EU');
    expect(within(row).queryByRole('region', { name: 'Published update' })).toBeNull();
  });

  it('open on demand to the whole update and close again (its rendering in Chromium is checked by e2e/updates.spec.ts)', async () => {
    const { rerender, queryClient } = renderPane();
    const row = (await screen.findByText(/Update to executives/)).closest<HTMLElement>('[role="listitem"]')!;
    const toggle = within(row).getByRole('button', { name: 'Show update' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const detail = within(row).getByRole('region', { name: 'Published update' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(detail.id);
    expect(detail.textContent).toContain('Customers in the EU cannot pay.');
    expect(detail.textContent).toContain('checkout');
    expect(detail.textContent).toContain('Next update by 13:00 UTC.');

    // A new event arrives: the update stays open.
    const more = log().at(7, { type: 'note.added', payload: { text: 'error rate 0.4%', kind: 'observation' } }).events;
    rerender(
      <QueryClientProvider client={queryClient}>
        <TimelinePane incidentId="inc-1" events={more} />
      </QueryClientProvider>,
    );
    await screen.findByText('error rate 0.4%');
    expect(screen.getByRole('region', { name: 'Published update' }).textContent).toContain('Customers in the EU');

    fireEvent.click(screen.getByRole('button', { name: 'Hide update' }));
    expect(screen.queryByRole('region', { name: 'Published update' })).toBeNull();
  });

  it('other events have no disclosure', async () => {
    renderPane();
    const note = (await screen.findByText('p99 back under 1 s')).closest<HTMLElement>('[role="listitem"]')!;
    expect(within(note).queryByRole('button', { name: /update/ })).toBeNull();
  });
});
