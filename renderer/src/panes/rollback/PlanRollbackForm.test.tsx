// @vitest-environment happy-dom
// The plan form starts from the service the incident was declared for, and a runbook step's "Start rollback" puts it back
// there with that service's default strategy, whatever the user had picked before.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../../../shared/services/service-config';
import { useStepIntentStore } from '../../state/step-intent-store';
import { renderWithCore, resetCore } from '../../test/render-with-core';
import { PlanRollbackForm } from './PlanRollbackForm';

const services = [
  { name: 'search', rollback: { strategies: [{ kind: 'command', command: 'helm', args: [], env: {}, timeoutMs: 300000 }] } },
  { name: 'checkout', git: { clonePath: '/srv/checkout', remote: { name: 'origin' } }, deploy: { branch: 'main' }, rollback: { strategies: [{ kind: 'revert' }, { kind: 'move-ref' }] } },
] as ServiceConfig[];

describe('PlanRollbackForm', () => {
  beforeEach(() => useStepIntentStore.setState({ intent: undefined }));
  afterEach(resetCore);

  it('starts from the declared service, and a step’s "Start rollback" resets it to that service’s default strategy', () => {
    renderWithCore(<PlanRollbackForm incidentId="inc-1" services={services} declared={['payments', 'Checkout']} onPlanned={() => undefined} />, {});
    const form = screen.getByRole('form', { name: 'Plan a rollback' });
    const service = within(form).getByLabelText<HTMLSelectElement>('Service');
    const strategy = within(form).getByLabelText<HTMLSelectElement>('Strategy');
    expect(service.value).toBe('checkout');
    expect(strategy.value).toBe('revert');

    fireEvent.change(strategy, { target: { value: 'move-ref' } });
    fireEvent.change(service, { target: { value: 'search' } });
    expect(strategy.value).toBe('command');

    act(() => useStepIntentStore.getState().request({ pane: 'rollback' }));
    expect(service.value).toBe('checkout');
    expect(strategy.value).toBe('revert');
    expect(useStepIntentStore.getState().intent).toBeUndefined();
  });
});
