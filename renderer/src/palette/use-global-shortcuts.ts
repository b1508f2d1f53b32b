// Global keyboard shortcuts: Ctrl/Cmd+K toggles the command palette (the desktop menu sends the same command); G then a
// pane's letter jumps to that pane; ? opens the keyboard help. Letters only count outside fields and dialogs, so typing is
// never taken over. Listens in the capture phase so a pane jump's second letter (G M) never also reaches a focused row
// (where M would open "Mark…").
import { useEffect } from 'react';
import { keyBelongsElsewhere } from '../panes/timeline/composer-focus';
import { useUiStore } from '../state/ui-store';
import { goToPane, PANE_JUMP_PREFIX, paneShortcuts } from './pane-jump';

/** How long after G the pane letter is awaited. */
const SEQUENCE_MS = 1500;

export function useGlobalShortcuts(): void {
  useEffect(() => {
    let awaitingPaneSince: number | undefined;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        const { paletteOpen, openPalette } = useUiStore.getState();
        openPalette(!paletteOpen);
        return;
      }
      if (e.repeat || keyBelongsElsewhere(e)) {
        awaitingPaneSince = undefined;
        return;
      }
      const key = e.key.toLowerCase();
      if (awaitingPaneSince !== undefined && e.timeStamp - awaitingPaneSince <= SEQUENCE_MS) {
        awaitingPaneSince = undefined;
        const jump = paneShortcuts.find((p) => p.key === key);
        if (!jump) return;
        e.preventDefault();
        e.stopPropagation();
        goToPane(jump.pane);
        return;
      }
      awaitingPaneSince = undefined;
      if (key === PANE_JUMP_PREFIX && !e.shiftKey) {
        awaitingPaneSince = e.timeStamp;
        e.preventDefault();
        e.stopPropagation();
      } else if (e.key === '?') {
        e.preventDefault();
        useUiStore.getState().openDialog('keyboard');
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
