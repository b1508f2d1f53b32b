// Collapse and maximise buttons for a pane header; maximise shows the pane alone, Restore brings the layout back.
import { useUiStore, type CockpitPaneId } from '../state/ui-store';
import { useCockpitLayout } from './cockpit-layout-context';

export function PaneControls({ pane, title }: { pane: CockpitPaneId; title: string }) {
  const layout = useCockpitLayout();
  const maximised = useUiStore((s) => s.maximisedPane === pane);
  const maximisePane = useUiStore((s) => s.maximisePane);
  const collapsed = layout.isCollapsed(pane);
  return (
    <span className="pane-controls">
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
        onClick={() => maximisePane(maximised ? undefined : pane)}
      >
        {maximised ? '⤡' : '⤢'}
      </button>
    </span>
  );
}
