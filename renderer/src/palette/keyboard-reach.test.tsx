// @vitest-environment happy-dom
// Keys that move around the cockpit: G then a pane's letter jumps to the pane (restoring a maximised layout first), never
// while typing in a field; ? opens the keyboard help; a pane header's toolbar is one tab stop with arrows inside.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useUiStore } from '../state/ui-store';
import { RovingToolbar } from '../ui/RovingToolbar';
import { useGlobalShortcuts } from './use-global-shortcuts';

function Shortcuts() {
  useGlobalShortcuts();
  const maximised = useUiStore((s) => s.maximisedPane);
  return (
    <div className={maximised ? 'cockpit-maximised' : 'cockpit-grid'}>
      {(maximised ? [maximised] : ['timeline', 'metrics', 'updates']).map((p) => (
        <section key={p} data-pane={p} aria-label={p}>
          <input aria-label={`Field in ${p}`} />
        </section>
      ))}
    </div>
  );
}

const press = (key: string, target: Element = document.body) => fireEvent.keyDown(target, { key });
const pane = (name: string) => document.querySelector<HTMLElement>(`[data-pane="${name}"]`);

beforeEach(() => useUiStore.setState({ maximisedPane: undefined, dialog: undefined, paletteOpen: false }));
afterEach(cleanup);

describe('global shortcuts', () => {
  it('G then M jumps to the metrics pane; G then U to updates', () => {
    render(<Shortcuts />);
    press('g');
    press('m');
    expect(document.activeElement).toBe(pane('metrics'));
    press('g');
    press('u');
    expect(document.activeElement).toBe(pane('updates'));
  });

  it('leaves letters typed in a field alone', () => {
    render(<Shortcuts />);
    const field = screen.getByLabelText('Field in timeline');
    field.focus();
    press('g', field);
    press('m', field);
    expect(document.activeElement).toBe(field);
  });

  it('restores a maximised layout to reach another pane', async () => {
    useUiStore.setState({ maximisedPane: 'metrics' });
    render(<Shortcuts />);
    expect(pane('timeline')).toBeNull();
    press('g');
    await act(async () => {
      press('t');
      await new Promise((r) => requestAnimationFrame(r));
    });
    expect(useUiStore.getState().maximisedPane).toBeUndefined();
    await vi.waitFor(() => expect(document.activeElement).toBe(pane('timeline')));
  });

  it('? opens the keyboard help', () => {
    render(<Shortcuts />);
    press('?');
    expect(useUiStore.getState().dialog).toBe('keyboard');
  });
});

describe('RovingToolbar', () => {
  it('is one tab stop; arrows, Home and End move between its buttons and the stop follows', () => {
    render(
      <RovingToolbar label="Runbooks pane">
        <button type="button">Runbook library…</button>
        <button type="button">Collapse Runbooks</button>
        <button type="button">Maximise Runbooks</button>
      </RovingToolbar>,
    );
    const [library, collapse, maximise] = screen.getAllByRole('button');
    expect([library, collapse, maximise].map((b) => b!.tabIndex)).toEqual([0, -1, -1]);
    library!.focus();
    press('ArrowRight', library);
    expect(document.activeElement).toBe(collapse);
    press('End', collapse);
    expect(document.activeElement).toBe(maximise);
    press('ArrowRight', maximise); // wraps
    expect(document.activeElement).toBe(library);
    press('ArrowLeft', library);
    expect(document.activeElement).toBe(maximise);
    expect([library, collapse, maximise].map((b) => b!.tabIndex)).toEqual([-1, -1, 0]);
    expect(screen.getByRole('toolbar', { name: 'Runbooks pane' })).toBeTruthy();
  });
});
