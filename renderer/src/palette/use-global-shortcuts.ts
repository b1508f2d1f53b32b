// Global keyboard shortcuts: Ctrl/Cmd+K toggles the command palette (the desktop menu sends the same command).
import { useEffect } from 'react';
import { useUiStore } from '../state/ui-store';

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        const { paletteOpen, openPalette } = useUiStore.getState();
        openPalette(!paletteOpen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
