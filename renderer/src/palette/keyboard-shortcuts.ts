// Every keyboard shortcut the cockpit offers, as data: the '?' help dialog lists these, and the palette shows the same keys
// beside its commands. Keys are written as they are pressed; a space separates keys pressed one after the other (G T).
import { paneJumpShortcut, paneShortcuts } from './pane-jump';

export interface Shortcut {
  keys: string[];
  what: string;
}

export interface ShortcutSection {
  title: string;
  shortcuts: Shortcut[];
}

export const keyboardShortcuts: readonly ShortcutSection[] = [
  {
    title: 'Anywhere (outside a text field)',
    shortcuts: [
      { keys: ['Ctrl/⌘+K'], what: 'Command palette: every action, with its shortcut' },
      { keys: ['N', '/'], what: 'Write a note in the timeline composer' },
      ...paneShortcuts.map((p) => ({ keys: [paneJumpShortcut(p.key)], what: `Go to the ${p.label} pane` })),
      { keys: ['?'], what: 'This list of shortcuts' },
      { keys: ['Esc'], what: 'Close a dialog, or restore a maximised pane' },
    ],
  },
  {
    title: 'Timeline (one Tab stop; a row has focus)',
    shortcuts: [
      { keys: ['↑', '↓'], what: 'Newer / older event' },
      { keys: ['Page Up', 'Page Down'], what: 'A screenful newer / older' },
      { keys: ['Home', 'End'], what: 'Newest / oldest event' },
      { keys: ['Enter', 'Space'], what: "The event's controls (← → between them, Esc back to the event)" },
      { keys: ['P'], what: 'Pin or unpin the event' },
      { keys: ['M'], what: 'Mark the event as…' },
      { keys: ['O', 'H', 'D', 'A'], what: 'Mark it as observation, hypothesis, decision or action' },
      { keys: ['Esc'], what: 'Leave the timeline for the composer' },
    ],
  },
  {
    title: 'Composer',
    shortcuts: [
      { keys: ['Enter'], what: 'Add the note' },
      { keys: ['o:', 'h:', 'd:', 'a:'], what: 'Typed first: the note is an observation, hypothesis, decision or action' },
      { keys: ['Alt+O', 'Alt+H', 'Alt+D', 'Alt+A'], what: 'Choose the kind without typing a prefix' },
      { keys: ['Esc'], what: 'Leave the composer' },
    ],
  },
  {
    title: 'Playback',
    shortcuts: [
      { keys: ['Space'], what: 'Play / pause' },
      { keys: ['←', '→'], what: 'Previous / next event' },
      { keys: ['Home', 'End'], what: 'Start / end of the incident' },
      { keys: ['Esc'], what: 'Back to live' },
    ],
  },
];
