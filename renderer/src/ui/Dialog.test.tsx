// @vitest-environment happy-dom
// The dialog primitive is a native modal <dialog>: open with showModal(), focus moved in, Esc ('cancel') closes through
// React, focus goes back to the opener. (Chromium's focus trapping and real Esc are covered by e2e/keyboard.spec.ts.)
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { Dialog } from './Dialog';

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open settings
      </button>
      {open ? (
        <Dialog title="Metrics settings" onClose={() => setOpen(false)}>
          <label>
            Prometheus URL
            <input />
          </label>
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </Dialog>
      ) : null}
    </>
  );
}

describe('Dialog', () => {
  afterEach(cleanup);

  it('opens modally with focus inside, closes on cancel (Esc) and returns focus to the opener', async () => {
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Open settings' });
    opener.focus();
    fireEvent.click(opener);

    const dialog = (await screen.findByRole('dialog', { name: 'Metrics settings' })) as HTMLDialogElement;
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.open).toBe(true);
    expect(document.activeElement).toBe(screen.getByLabelText('Prometheus URL'));

    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('a click on the backdrop closes it, a click inside does not', async () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(screen.getByLabelText('Prometheus URL'));
    expect(screen.queryByRole('dialog')).not.toBeNull();
    dialog.getBoundingClientRect = () => ({ left: 100, right: 500, top: 100, bottom: 400, width: 400, height: 300, x: 100, y: 100, toJSON: () => ({}) });
    fireEvent.mouseDown(dialog, { clientX: 20, clientY: 20 });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
