// Keyboard jumps between the cockpit's panes (Alt+1 … Alt+6), listed in the palette with their shortcut.
export const paneShortcuts = [
  { pane: 'timeline', label: 'Timeline', key: '1' },
  { pane: 'runbooks', label: 'Runbooks', key: '2' },
  { pane: 'metrics', label: 'Metrics', key: '3' },
  { pane: 'updates', label: 'Stakeholder updates', key: '4' },
  { pane: 'rollback', label: 'Rollback', key: '5' },
  { pane: 'connectors', label: 'Jira and PagerDuty', key: '6' },
] as const;

export type PaneName = (typeof paneShortcuts)[number]['pane'];

/** Brings a pane into view and puts focus on it (the pane itself, so the next Tab enters it); false if not on screen. */
export function jumpToPane(pane: string): boolean {
  const el = document.querySelector<HTMLElement>(`[data-pane="${pane}"]`);
  if (!el) return false;
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.scrollIntoView({ block: 'nearest' });
  el.focus();
  return true;
}
