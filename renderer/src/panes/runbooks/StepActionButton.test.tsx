// @vitest-environment happy-dom
// A runbook step's action: when its capability is not set up, the button stays visible but disabled, says the real
// cause, and links to the form that fixes it (pre-filled from the incident); when it is set up, it asks the pane it
// points at to pre-fill the rollback plan or the update draft for the audience the step names.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CapabilityName } from '../../../../shared/ipc';
import { Dialogs } from '../../incidents/Dialogs';
import { useStepIntentStore } from '../../state/step-intent-store';
import { useUiStore } from '../../state/ui-store';
import { appInfo, incidentState, listItem } from '../../test/incident-fixtures';
import { renderWithCore, resetCore } from '../../test/render-with-core';
import { StepActionButton } from './StepActionButton';

const incident = incidentState({ id: 'inc-1', services: ['checkout'] });

function renderStep(action: 'rollback' | 'metrics' | 'update', text: string, capabilities: CapabilityName[]) {
  return renderWithCore(
    <>
      <StepActionButton action={action} stepText={text} />
      <Dialogs />
    </>,
    {
      'app.info': () => ({ ...appInfo, capabilities }),
      'incidents.get': () => listItem(incident),
      'services.list': () => ({ services: [], file: 'services.json' }),
      'metrics.settings.get': () => ({ config: { version: 1, prometheus: [], refreshSeconds: 5, leadInMinutes: 30, tailMinutes: 30, services: {} }, secretsStored: {}, file: 'metrics.json', secretsProtection: 'OS keyring' }),
    },
  );
}

describe('StepActionButton', () => {
  beforeEach(() => {
    useUiStore.setState({ selectedIncidentId: 'inc-1', dialog: undefined, paletteOpen: false, serviceEditor: {} });
    useStepIntentStore.setState({ intent: undefined });
  });
  afterEach(resetCore);

  it('says no service is configured and opens the service form pre-filled with the declared service', async () => {
    renderStep('rollback', 'Roll back to the last known good version', ['runbooks', 'updates']);
    // The blocked form replaces the loading button once the capabilities are known.
    const blocked = await screen.findByTestId('step-action-blocked');
    const start = within(blocked).getByRole<HTMLButtonElement>('button', { name: 'Start rollback' });
    expect(start.disabled).toBe(true);
    expect(document.getElementById(start.getAttribute('aria-describedby')!)?.textContent).toBe('No service is configured');

    fireEvent.click(screen.getByRole('button', { name: 'Add service' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a service' });
    await waitFor(() => expect(within(dialog).getByLabelText<HTMLInputElement>('Service name').value).toBe('checkout'));
  });

  it('says Prometheus is not configured and opens the metrics settings', async () => {
    renderStep('metrics', 'Line up the deploy time with the error-rate graph', ['runbooks', 'updates']);
    const blocked = await screen.findByTestId('step-action-blocked');
    const open = within(blocked).getByRole('button', { name: 'Open metrics' });
    expect(document.getElementById(open.getAttribute('aria-describedby')!)?.textContent).toBe('Prometheus is not configured');
    fireEvent.click(screen.getByRole('button', { name: 'Configure metrics' }));
    expect(await screen.findByRole('dialog', { name: 'Metrics settings' })).toBeTruthy();
  });

  it('asks the updates pane for the draft of the audience the step names', async () => {
    renderStep('update', 'Tell customers which feature is affected and what still works', ['runbooks', 'updates']);
    const draft = await screen.findByRole('button', { name: 'Draft update' });
    await waitFor(() => expect((draft as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(draft);
    expect(useStepIntentStore.getState().intent).toEqual({ pane: 'updates', audience: 'customers' });
  });

  it('asks the rollback pane to start the plan when a service is configured', async () => {
    renderStep('rollback', 'Roll back to the last known good version', ['runbooks', 'updates', 'rollback']);
    const start = await screen.findByRole('button', { name: 'Start rollback' });
    await waitFor(() => expect((start as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByText('No service is configured')).toBeNull();
    fireEvent.click(start);
    expect(useStepIntentStore.getState().intent).toEqual({ pane: 'rollback' });
  });
});
