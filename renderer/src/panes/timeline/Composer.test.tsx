// @vitest-environment happy-dom
// The composer as a user drives it: N or / focuses it, Enter adds, a prefix or Alt+letter picks the kind, "happened at"
// sits behind a disclosure, and a failed save keeps the text.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTimeZoneStore } from '../../time/time-zone-store';
import { Composer, type AddNote } from './Composer';

afterEach(cleanup);

function setup(onAdd: AddNote = vi.fn<AddNote>().mockResolvedValue(undefined)) {
  render(<Composer onAdd={onAdd} />);
  return { onAdd, input: screen.getByLabelText<HTMLInputElement>('Quick note'), kind: screen.getByLabelText<HTMLSelectElement>('Note kind') };
}

describe('Composer', () => {
  it('adds the note on Enter and clears the box', async () => {
    const { onAdd, input } = setup();
    fireEvent.change(input, { target: { value: 'p99 at 4 s on checkout' } });
    fireEvent.submit(input.form!);
    expect(onAdd).toHaveBeenCalledWith('p99 at 4 s on checkout', 'note', undefined);
    await waitFor(() => expect(input.value).toBe(''));
  });

  it('takes the kind from a typed prefix and strips it', () => {
    const { onAdd, input, kind } = setup();
    fireEvent.change(input, { target: { value: 'd: roll back payments' } });
    expect(kind.value).toBe('decision');
    fireEvent.submit(input.form!);
    expect(onAdd).toHaveBeenCalledWith('roll back payments', 'decision', undefined);
  });

  it('picks the kind with Alt+letter', () => {
    const { onAdd, input, kind } = setup();
    fireEvent.keyDown(input, { key: 'h', altKey: true });
    expect(kind.value).toBe('hypothesis');
    fireEvent.change(input, { target: { value: 'cache stampede' } });
    fireEvent.submit(input.form!);
    expect(onAdd).toHaveBeenCalledWith('cache stampede', 'hypothesis', undefined);
  });

  it('is focused by N or / from outside a field, but not while typing elsewhere', () => {
    const { input } = setup();
    const other = document.createElement('input');
    document.body.append(other);
    other.focus();
    fireEvent.keyDown(other, { key: 'n' });
    expect(document.activeElement).toBe(other);
    other.blur();
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(input);
    other.remove();
  });

  it('keeps "happened at" behind a disclosure and sends it in the chosen zone', () => {
    useTimeZoneStore.getState().setZone('utc');
    const { onAdd, input } = setup();
    const disclosure = screen.getByText('Happened earlier?').closest('details')!;
    expect(disclosure.open).toBe(false);
    disclosure.open = true;
    fireEvent.change(screen.getByLabelText(/Happened at \(UTC\)/), { target: { value: '2026-12-02T04:20:00' } });
    fireEvent.change(input, { target: { value: 'customers reported errors' } });
    fireEvent.submit(input.form!);
    expect(onAdd).toHaveBeenCalledWith('customers reported errors', 'note', '2026-12-02T04:20:00.000Z');
  });

  it('keeps the text when saving fails, and sends nothing empty', async () => {
    const onAdd = vi.fn<AddNote>().mockRejectedValue(new Error('disk full'));
    const { input } = setup(onAdd);
    fireEvent.submit(input.form!);
    expect(onAdd).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: 'db failover started' } });
    fireEvent.submit(input.form!);
    await waitFor(() => expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Add' }).disabled).toBe(false));
    expect(input.value).toBe('db failover started');
  });
});
