// What a key press on a timeline row means. The timeline is one tab stop: arrows move between rows, Home/End go to the
// newest/oldest, Enter or Space step into the row's own controls, P pins, M opens "Mark…", O/H/D/A mark the kind directly
// (the composer's letters), Escape leaves the list. Plain data so it is tested without a DOM.
import type { NoteKind } from '../../../../shared/events';
import { noteKindChoices } from '../../../../shared/timeline/note-prefix';

export type RowKeyAction =
  | { kind: 'move'; to: number }
  | { kind: 'controls' }
  | { kind: 'pin' }
  | { kind: 'mark' }
  | { kind: 'classify'; as: NoteKind }
  | { kind: 'leave' };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The kinds a row can be marked as with one letter (the composer's Alt+letter keys, minus plain "note"). */
const classifyKeys = new Map(noteKindChoices.filter((c) => c.kind !== 'note').map((c) => [c.key, c.kind]));

/** `index` is the active row (0 = newest), `count` the rows in the list, `page` how many rows a Page Up/Down moves. */
export function rowKeyAction(e: KeyLike, index: number, count: number, page = 10): RowKeyAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey || count === 0) return undefined;
  const last = count - 1;
  switch (e.key) {
    case 'ArrowDown':
      return { kind: 'move', to: Math.min(index + 1, last) };
    case 'ArrowUp':
      return { kind: 'move', to: Math.max(index - 1, 0) };
    case 'PageDown':
      return { kind: 'move', to: Math.min(index + page, last) };
    case 'PageUp':
      return { kind: 'move', to: Math.max(index - page, 0) };
    case 'Home':
      return { kind: 'move', to: 0 };
    case 'End':
      return { kind: 'move', to: last };
    case 'Enter':
    case ' ':
      return { kind: 'controls' };
    case 'Escape':
      return { kind: 'leave' };
  }
  const letter = e.key.length === 1 ? e.key.toLowerCase() : '';
  if (letter === 'p') return { kind: 'pin' };
  if (letter === 'm') return { kind: 'mark' };
  const as = classifyKeys.get(letter);
  return as ? { kind: 'classify', as } : undefined;
}
