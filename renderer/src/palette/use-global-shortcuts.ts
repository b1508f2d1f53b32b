// Global keyboard shortcuts: Ctrl/Cmd+K toggles the command palette (the desktop menu sends the same command);
// Alt+1 … Alt+6 jump between the cockpit's panes.
import { useEffect } from 'react';
import { useUiStore } from '../state/ui-store';
import { jumpToPane, paneShortcuts } from './pane-jump';

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        const { paletteOpen, openPalette } = useUiStore.getState();
        openPalette(!paletteOpen);
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        // e.code, not e.key: Alt+digit types other characters on some layouts (macOS Option).
        const jump = paneShortcuts.find((p) => e.code === `Digit${p.key}`);
        const { dialog, paletteOpen } = useUiStore.getState();
        if (jump && !dialog && !paletteOpen && jumpToPane(jump.pane)) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
