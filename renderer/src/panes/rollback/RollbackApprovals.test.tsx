// @vitest-environment happy-dom
// A planned rollback is approved by the person using the installation ("Approve as <you>"), and the confirmation waits for
// someone else's approval when the service's policy asks for one; the free-text approver is gone.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IdentityView } from '../../../../shared/ipc';
import type { RollbackState } from '../../../../shared/rollback/rollback-state';
import type { ServiceConfig } from '../../../../shared/services/service-config';
import { renderWithCore, resetCore } from '../../test/render-with-core';
import { RollbackCard } from './RollbackCard';

const planned: RollbackState = {
  id: 'rb-0123456789abcdef',
  plan: { service: 'checkout', strategy: 'command', direction: 'rollback', summary: 'helm rollback checkout 41', commits: [], commands: ['helm rollback checkout 41'], reversible: false },
  plannedAt: '2026-03-01T10:00:00.000Z',
  plannedBy: 'ines',
  stage: 'planned',
  steps: [],
};
const service = { name: 'checkout', rollback: { strategies: [{ kind: 'command', command: 'helm', args: [], env: {}, timeoutMs: 300000 }], requireApproval: true } } as ServiceConfig;
const ines: IdentityView = { name: 'ines', handle: 'ines', deviceId: 'dev_iiiiiiiiiiiiiiii', source: 'saved' };

function renderCard(initial: RollbackState) {
  let rollback = initial;
  const harness = renderWithCore(<RollbackCard incidentId="inc-1" rollback={rollback} all={[rollback]} readOnly={false} />, {
    'identity.get': () => ines,
    'services.list': () => ({ services: [service], file: 'services.json' }),
    'rollback.list': () => [rollback],
    'rollback.approve': () => (rollback = { ...rollback, approvals: [{ by: 'ines', handle: 'ines', deviceId: ines.deviceId, at: '2026-03-01T10:01:00.000Z', seq: 5 }] }),
    'rollback.confirm': () => ({ ...rollback, stage: 'running' }),
  });
  return harness;
}

describe('rollback approvals', () => {
  afterEach(resetCore);

  it('records an approval as the person using this installation', async () => {
    const { callsTo } = renderCard(planned);
    expect(screen.getByLabelText('Approvals').textContent).toBe('Not approved by anyone yet');
    fireEvent.click(await screen.findByRole('button', { name: 'Approve as ines' }));
    await waitFor(() => expect(callsTo('rollback.approve')).toEqual([{ incidentId: 'inc-1', rollbackId: planned.id }]));
  });

  it('holds the confirmation while only the operator approved, and says why', async () => {
    const { callsTo } = renderCard({ ...planned, approvals: [{ by: 'ines', handle: 'ines', at: '2026-03-01T10:01:00.000Z', seq: 5 }] });
    expect(screen.getByLabelText('Approvals').textContent).toBe('Approved by ines (@ines)');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Roll back checkout?' });
    await waitFor(() => expect(within(dialog).getByTestId('approval-status').textContent).toMatch(/policy needs the approval of someone other than you/));
    expect(within(dialog).queryByLabelText(/Second approver/)).toBeNull();
    fireEvent.change(within(dialog).getByLabelText(/Type checkout to confirm/), { target: { value: 'checkout' } });
    expect((within(dialog).getByRole('button', { name: 'Roll back checkout' }) as HTMLButtonElement).disabled).toBe(true);
    expect(callsTo('rollback.confirm')).toEqual([]);
  });

  it('confirms once someone else approved as themselves', async () => {
    const { callsTo } = renderCard({ ...planned, approvals: [{ by: 'omar', handle: 'omar.h', at: '2026-03-01T10:01:00.000Z', seq: 5 }] });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Roll back checkout?' });
    await waitFor(() => expect(within(dialog).getByTestId('approval-status').textContent).toBe('Approved by omar (@omar.h).'));
    fireEvent.change(within(dialog).getByLabelText(/Type checkout to confirm/), { target: { value: 'checkout' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Roll back checkout' }));
    await waitFor(() => expect(callsTo('rollback.confirm')).toEqual([{ incidentId: 'inc-1', rollbackId: planned.id, typedName: 'checkout' }]));
  });
});
