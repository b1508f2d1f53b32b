// @vitest-environment happy-dom
// The first-run card: it offers to open the demo until the demo is open, then says what the demo shows instead.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { queryKeys } from '../api/queries';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useUiStore } from '../state/ui-store';
import { appInfo, incidentState, listItem } from '../test/incident-fixtures';
import { renderWithCore, resetCore } from '../test/render-with-core';
import { StartHereCard } from './StartHereCard';

const demo = listItem(incidentState({ id: 'demo-checkout-latency-outage', title: 'Checkout latency and 5xx', status: 'resolved', demo: true }));

describe('StartHereCard', () => {
  beforeEach(() => useUiStore.setState({ selectedIncidentId: undefined, dialog: undefined, paletteOpen: false }));
  afterEach(resetCore);

  it('offers to open the demo, and stops offering once the demo is open', async () => {
    renderWithCore(<StartHereCard />, { 'app.info': () => appInfo, 'incidents.list': () => [demo] });
    const card = await screen.findByRole('complementary', { name: 'Start here' });
    fireEvent.click(within(card).getByRole('button', { name: 'Open the demo incident' }));
    expect(useUiStore.getState().selectedIncidentId).toBe(demo.id);
    expect(await within(card).findByText(/You are looking at the demo incident/)).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Open the demo incident' })).toBeNull();
    expect(within(card).getByRole('button', { name: 'Open settings' })).toBeTruthy();
  });

  it('is gone once something is configured or a real incident exists', async () => {
    const real = listItem(incidentState({ id: 'real-one', title: 'Search slow' }));
    const { container, queryClient } = renderWithCore(<StartHereCard />, { 'app.info': () => appInfo, 'incidents.list': () => [demo, real] });
    // Both answers are in (the card renders nothing while loading, so waiting for them is what makes this meaningful).
    await waitFor(() => expect([queryClient.getQueryData(queryKeys.incidents), queryClient.getQueryData(queryKeys.appInfo)].every(Boolean)).toBe(true));
    expect(container.querySelector('.start-here')).toBeNull();
  });
});
