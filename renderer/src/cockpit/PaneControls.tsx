// Collapse and maximise buttons for a pane header; maximise shows the pane alone, Restore brings the layout back. With the
// pane's own header actions they form one toolbar: one tab stop per pane header, arrows move between its buttons.
import type { ReactNode } from 'react';
import { useUiStore, type CockpitPaneId } from '../state/ui-store';
import { goToPane } from '../palette/pane-jump';
import { RovingToolbar } from '../ui/RovingToolbar';
import { useCockpitLayout } from './cockpit-layout-context';

/** `children` are the pane's own header actions (Runbook library…, Metrics settings…), first in the toolbar. */
export function PaneControls({ pane, title, children }: { pane: CockpitPaneId; title: string; children?: ReactNode }) {
  const layout = useCockpitLayout();
  const maximised = useUiStore((s) => s.maximisedPane === pane);
  const maximisePane = useUiStore((s) => s.maximisePane);
  const collapsed = layout.isCollapsed(pane);
  return (
    <RovingToolbar label={`${title} pane`} className="pane-controls">
      {children}
      {layout.canCollapse(pane) && !maximised ? (
        <button type="button" className="pane-control" aria-expanded={!collapsed} aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${title}`} title={collapsed ? 'Expand' : 'Collapse'} onClick={() => layout.toggleCollapsed(pane)}>
          {collapsed ? '▸' : '▾'}
        </button>
      ) : null}
      <button
        type="button"
        className="pane-control"
        aria-pressed={maximised}
        aria-label={maximised ? `Restore ${title}` : `Maximise ${title}`}
        title={maximised ? 'Restore the layout (Esc)' : 'Maximise'}
        onClick={() => {
          maximisePane(maximised ? undefined : pane);
          // The pane is drawn anew in the other layout: keep focus with it rather than losing it to <body>.
          goToPane(pane);
        }}
      >
        {maximised ? '⤡' : '⤢'}
      </button>
    </RovingToolbar>
  );
}
