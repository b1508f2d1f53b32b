// Lets anything in the app put the cursor in the timeline composer (after declaring, from a shortcut, from the palette).
import { NOTE_COMPOSER_ID } from '../../ui/focus-composer';

/** One id for the composer's input, shared with focusNoteComposer() (after declaring or switching incidents). */
export const COMPOSER_INPUT_ID = NOTE_COMPOSER_ID;

/** Focuses the composer if the cockpit shows one; answers whether it did. */
export function focusComposer(): boolean {
  const input = document.getElementById(COMPOSER_INPUT_ID);
  if (!input) return false;
  input.focus();
  return true;
}

/** True when a key press belongs to a field or an open dialog, so single-key shortcuts must leave it alone. */
export function keyBelongsElsewhere(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  const el = e.target as HTMLElement | null;
  if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)) return true;
  return document.querySelector('[role="dialog"], dialog[open]') !== null;
}
