// @vitest-environment happy-dom
// Settings → Hot fixes: loads the policy, saves the edited CAB list and approval rule, and shows the core's refusal of a bad
// value without losing what was typed.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultHotfixPolicy, HotfixPolicy } from '../../../shared/hotfix/hotfix-policy';
import { DomainError } from '../../../shared/result';
import { renderWithCore, resetCore } from '../test/render-with-core';
import { HotfixPolicySection } from './HotfixPolicySection';

describe('HotfixPolicySection', () => {
  afterEach(resetCore);

  it('saves the CAB list and approval rules, and shows a refusal with the typed values kept', async () => {
    const { callsTo } = renderWithCore(<HotfixPolicySection />, {
      'hotfix.policy.get': () => ({ policy: defaultHotfixPolicy, origin: 'default', file: 'hotfix-policy.json' }),
      'hotfix.policy.save': ({ policy }) => {
        const parsed = HotfixPolicy.safeParse(policy);
        if (!parsed.success) throw new DomainError('validation', `The hot-fix policy was not saved: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
        return { policy: parsed.data, origin: 'file', file: 'hotfix-policy.json' };
      },
    });
    const form = await screen.findByRole('form', { name: 'Hot-fix policy' });
    fireEvent.change(within(form).getByLabelText('CAB list (names, separated by commas)'), { target: { value: 'Omar, Lea ' } });
    fireEvent.change(within(form).getByLabelText('SEV2 approvers'), { target: { value: '1' } });
    fireEvent.click(within(form).getByLabelText('SEV2: CAB members only'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save hot-fix policy' }));
    await waitFor(() => expect(callsTo('hotfix.policy.save')).toHaveLength(1));
    expect(callsTo('hotfix.policy.save')[0]).toMatchObject({ policy: { cab: ['Omar', 'Lea'], approvals: { SEV2: { approvers: 1, cabOnly: true } } } });

    const pattern = within(form).getByLabelText<HTMLInputElement>(/Identifier pattern/);
    fireEvent.change(pattern, { target: { value: 'HF-<yyyymmdd>' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save hot-fix policy' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('must contain <n>');
    expect(pattern.value).toBe('HF-<yyyymmdd>');
  });
});
