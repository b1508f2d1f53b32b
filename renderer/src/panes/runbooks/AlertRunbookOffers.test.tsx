// @vitest-environment happy-dom
// The offers to attach the runbooks an incident's alerts link to come from the core (runbooks.alertOffers), never from the
// event log: a windowed incident gets them too. Attaching one asks the core again, and a library rescan refreshes them.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, IncidentEvent } from '../../../../shared/events';
import type { AlertRunbookOffer } from '../../../../shared/ipc/runbooks';
import { projectChecklists } from '../../../../shared/runbooks/checklist';
import { renderWithCore, resetCore } from '../../test/render-with-core';
import { AlertRunbookOffers } from './AlertRunbookOffers';
import { useLibraryEventSync } from './runbook-queries';

const offer = (runbookId: string, title: string, alertname: string): AlertRunbookOffer => ({ runbookId, title, alertname, url: `https://runbooks.example/${runbookId}` });

const attachedChecklist = (runbookId: string, title: string) =>
  projectChecklists([
    IncidentEvent.parse({ v: EVENT_SCHEMA_VERSION, seq: 1, ts: '2026-02-01T10:00:00.000Z', actor: 'ana', type: 'runbook.attached', payload: { runbookId, title, origin: 'local', path: `${runbookId}.md`, version: 'sha256:ab', steps: [{ id: 'step-1', text: 'Check the error ratio' }] } }),
  ])[0]!;

function Pane({ incidentId }: { incidentId: string }) {
  useLibraryEventSync();
  return <AlertRunbookOffers incidentId={incidentId} />;
}

describe('AlertRunbookOffers', () => {
  afterEach(resetCore);

  it('shows the offers the core answers, attaches one, and asks the core again instead of reading the log', async () => {
    let offers = [offer('local/bad-deploy', 'Bad deploy', 'CheckoutErrors'), offer('local/traffic-spike', 'Traffic spike', 'RequestSurge')];
    const { callsTo } = renderWithCore(<Pane incidentId="inc-1" />, {
      'runbooks.alertOffers': () => ({ offers }),
      'runbooks.attach': ({ runbookId }) => {
        offers = offers.filter((o) => o.runbookId !== runbookId);
        return attachedChecklist(runbookId, 'Bad deploy');
      },
    });
    const region = await screen.findByRole('region', { name: 'Runbooks linked from alerts' });
    expect(within(region).getAllByText(/links the runbook/).map((p) => p.textContent)).toEqual([
      'Alert CheckoutErrors links the runbook Bad deploy.',
      'Alert RequestSurge links the runbook Traffic spike.',
    ]);
    fireEvent.click(within(region).getByRole('button', { name: 'Attach Bad deploy' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Attach Bad deploy' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Attach Traffic spike' })).toBeTruthy();
    expect(callsTo('runbooks.attach')).toEqual([{ incidentId: 'inc-1', runbookId: 'local/bad-deploy' }]);
    expect(callsTo('runbooks.alertOffers')).toEqual([{ incidentId: 'inc-1' }, { incidentId: 'inc-1' }]);
    expect(callsTo('timeline.events')).toEqual([]);
    expect(callsTo('timeline.page')).toEqual([]);
  });

  it('shows nothing without offers, and offers a runbook the library gained when the core says it rescanned', async () => {
    let offers: AlertRunbookOffer[] = [];
    const { container, emit } = renderWithCore(<Pane incidentId="inc-1" />, { 'runbooks.alertOffers': () => ({ offers }) });
    await waitFor(() => expect(container.innerHTML).toBe(''));
    offers = [offer('git/db', 'Database saturation', 'DbConnections')];
    emit('runbooks.libraryChanged', {});
    expect(await screen.findByRole('button', { name: 'Attach Database saturation' })).toBeTruthy();
  });

  it('says why an attach failed and keeps the offer', async () => {
    renderWithCore(<Pane incidentId="inc-1" />, {
      'runbooks.alertOffers': () => ({ offers: [offer('local/notes', 'Just notes', 'Disk')] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Attach Just notes' }));
    expect(await screen.findByText('Runbook not attached')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Attach Just notes' })).toBeTruthy();
  });
});
