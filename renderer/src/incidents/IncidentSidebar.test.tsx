// @vitest-environment happy-dom
// The switcher lists what is burning first: active incidents by severity, then the longest-running, each with its
// elapsed time and an overdue-update badge; resolved incidents follow.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useUiStore } from '../state/ui-store';
import { appInfo, cadence, incidentState, listItem } from '../test/incident-fixtures';
import { renderWithCore, resetCore } from '../test/render-with-core';
import { IncidentSidebar } from './IncidentSidebar';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe('IncidentSidebar', () => {
  beforeEach(() => useUiStore.setState({ selectedIncidentId: undefined, dialog: undefined, paletteOpen: false }));
  afterEach(resetCore);

  it('orders active incidents by severity then age, badges overdue updates, and lists resolved ones after', async () => {
    // The core lists newest first; the sidebar must not keep that order.
    const incidents = [
      incidentState({ id: 'sev3-newest', title: 'Search slow', severity: 'SEV3', declaredAt: minutesAgo(5) }),
      incidentState({ id: 'resolved-one', title: 'Old outage', severity: 'SEV1', status: 'resolved', declaredAt: minutesAgo(50), resolvedAt: minutesAgo(40) }),
      incidentState({ id: 'sev1-newer', title: 'Payments failing', severity: 'SEV1', declaredAt: minutesAgo(10) }),
      incidentState({ id: 'sev2', title: 'Login errors', severity: 'SEV2', status: 'monitoring', declaredAt: minutesAgo(60) }),
      incidentState({ id: 'sev1-older', title: 'Checkout down', severity: 'SEV1', declaredAt: minutesAgo(30) }),
    ].map(listItem);
    renderWithCore(<IncidentSidebar />, {
      'app.info': () => appInfo,
      'incidents.list': () => incidents,
      'updates.cadence': ({ incidentId }) =>
        incidentId === 'sev1-newer'
          ? cadence({ audiences: [{ audience: 'executives', state: 'overdue', dueAt: minutesAgo(3), reason: 'every 20 min for SEV1', acknowledged: false }] })
          : cadence(),
    });

    const active = await screen.findByRole('list', { name: 'Active incidents' });
    const titles = () => within(active).getAllByRole('button').map((b) => b.querySelector('.incident-link-title')?.textContent);
    await waitFor(() => expect(titles()).toEqual(['Checkout down', 'Payments failing', 'Login errors', 'Search slow']));

    const payments = within(active).getByRole('button', { name: /Payments failing/ });
    await waitFor(() => expect(within(payments).getByTestId('overdue-badge').textContent).toMatch(/^Update to executives overdue 3:0\d$/));
    expect(within(active).getAllByTestId('overdue-badge')).toHaveLength(1);
    expect(within(within(active).getByRole('button', { name: /Checkout down/ })).getByTitle('Elapsed since declared').textContent).toMatch(/^30m 0\ds$/);

    const resolved = screen.getByRole('list', { name: 'Resolved incidents' });
    expect(within(resolved).getByRole('button', { name: /Old outage/ })).toBeTruthy();
  });
});
