// @vitest-environment happy-dom
// The strategy picker shared by the rollback plan form and the hot-fix track, and its way to a service's editor.
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useUiStore } from '../../state/ui-store';
import { NoStrategyHint, StrategySelect } from './StrategyPicker';

afterEach(() => useUiStore.setState({ dialog: undefined, serviceEditor: {} }));

describe('StrategyPicker', () => {
  it('offers the service editor where a service has no strategy', () => {
    render(<NoStrategyHint service={{ name: 'checkout' } as never} />);
    expect(screen.getByText(/checkout has no rollback strategy configured/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit checkout' }));
    expect(useUiStore.getState().dialog).toBe('service');
    expect(useUiStore.getState().serviceEditor).toEqual({ name: 'checkout' });
  });

  it('lists the strategies by their human names and reports the choice', () => {
    const onChange = vi.fn();
    render(<StrategySelect label="Rollback strategy" strategies={['revert', 'command']} value="revert" onChange={onChange} />);
    const select = screen.getByRole('combobox', { name: 'Rollback strategy' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).not.toContain('command');
    fireEvent.change(select, { target: { value: 'command' } });
    expect(onChange).toHaveBeenCalledWith('command');
  });
});
