// @vitest-environment happy-dom
// A runbook step's "Draft update" opens the draft for the audience the step names; a step that names none opens the
// audience whose update is due soonest.
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useStepIntentStore } from '../../state/step-intent-store';
import { appInfo, cadence, incidentState, listItem } from '../../test/incident-fixtures';
import { renderWithCore, resetCore } from '../../test/render-with-core';
import { UpdatesPane } from './UpdatesPane';

const selectedTab = () => screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')?.textContent;

describe('UpdatesPane step requests', () => {
  beforeEach(() => useStepIntentStore.setState({ intent: undefined }));
  afterEach(resetCore);

  it('switches to the audience a step names, else to the one due soonest', async () => {
    const due = { audience: 'support' as const, state: 'scheduled' as const, dueAt: '2026-03-01T10:05:00.000Z', reason: 'first update', acknowledged: false };
    const { callsTo } = renderWithCore(<UpdatesPane incidentId="inc-1" />, {
      'app.info': () => appInfo,
      'incidents.get': () => listItem(incidentState({ id: 'inc-1' })),
      'updates.cadence': () => cadence({ audiences: [due], next: due }),
    });
    await waitFor(() => expect(callsTo('updates.cadence')).toHaveLength(1));
    expect(selectedTab()).toMatch(/^Executives/);

    act(() => useStepIntentStore.getState().request({ pane: 'updates', audience: 'customers' }));
    await waitFor(() => expect(selectedTab()).toMatch(/^Customers/));
    expect(useStepIntentStore.getState().intent).toBeUndefined();

    act(() => useStepIntentStore.getState().request({ pane: 'updates' }));
    await waitFor(() => expect(selectedTab()).toMatch(/^Support/));
  });
});
