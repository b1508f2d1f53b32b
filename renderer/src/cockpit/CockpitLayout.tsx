// The cockpit's resizable layout: timeline | runbooks, rollback, hot fix, connectors | metrics, updates. Columns and stacked panes
// resize by dragging (or arrow keys on a separator), stacked panes collapse to their header, any pane can be maximised,
// and the sizes are remembered on this machine. Built on react-resizable-panels rather than hand-rolled splitters.
import { useEffect, useMemo, useState, type ReactNode, type RefObject } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef, type PanelImperativeHandle } from 'react-resizable-panels';
import { usePaletteCommands, type ContributedCommand } from '../palette/command-registry';
import { goToPane, paneShortcuts } from '../palette/pane-jump';
import { keyBelongsElsewhere } from '../panes/timeline/composer-focus';
import { useUiStore, type CockpitPaneId } from '../state/ui-store';
import { CockpitLayoutContext, type CockpitLayoutControls } from './cockpit-layout-context';

type Stacked = Exclude<CockpitPaneId, 'timeline'>;

/** Collapsed stacked panes keep their header visible, so they can be expanded again. */
const COLLAPSED_PX = 40;

function StackedPanel({ id, panelRef, children, defaultSize, onCollapsedChange }: {
  id: Stacked;
  panelRef: RefObject<PanelImperativeHandle | null>;
  children: ReactNode;
  defaultSize: string;
  onCollapsedChange: (id: Stacked, collapsed: boolean) => void;
}) {
  return (
    <Panel
      id={id}
      panelRef={panelRef}
      className="cockpit-panel"
      collapsible
      collapsedSize={COLLAPSED_PX}
      minSize={120}
      defaultSize={defaultSize}
      onResize={(size) => onCollapsedChange(id, size.inPixels <= COLLAPSED_PX + 1)}
    >
      {children}
    </Panel>
  );
}

export function CockpitLayout({ panes }: { panes: Record<CockpitPaneId, ReactNode> }) {
  const maximised = useUiStore((s) => s.maximisedPane);
  const maximisePane = useUiStore((s) => s.maximisePane);
  const columns = useDefaultLayout({ id: 'firebreak.layout.columns' });
  const ops = useDefaultLayout({ id: 'firebreak.layout.ops' });
  const info = useDefaultLayout({ id: 'firebreak.layout.info' });
  const refs: Record<Stacked, RefObject<PanelImperativeHandle | null>> = {
    runbooks: usePanelRef(),
    rollback: usePanelRef(),
    hotfix: usePanelRef(),
    connectors: usePanelRef(),
    metrics: usePanelRef(),
    updates: usePanelRef(),
  };
  const [collapsed, setCollapsed] = useState<ReadonlySet<Stacked>>(new Set());

  // Esc leaves a maximised pane (unless a field or a dialog has the key).
  useEffect(() => {
    if (!maximised) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || keyBelongsElsewhere(e)) return;
      // Focus follows the pane into the restored layout instead of falling to <body> with the maximised copy.
      maximisePane(undefined);
      goToPane(maximised);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [maximised, maximisePane]);

  const onCollapsedChange = (id: Stacked, isCollapsed: boolean) =>
    setCollapsed((prev) => {
      if (prev.has(id) === isCollapsed) return prev;
      const next = new Set(prev);
      if (isCollapsed) next.add(id);
      else next.delete(id);
      return next;
    });

  const controls = useMemo<CockpitLayoutControls>(
    () => ({
      canCollapse: (pane) => pane !== 'timeline',
      isCollapsed: (pane) => pane !== 'timeline' && collapsed.has(pane),
      toggleCollapsed: (pane) => {
        if (pane === 'timeline') return;
        const panel = refs[pane].current;
        if (!panel) return;
        if (panel.isCollapsed()) panel.expand();
        else panel.collapse();
      },
    }),
    // refs are stable objects from usePanelRef, so only the collapsed set changes the controls
    [collapsed],
  );

  usePaletteCommands('layout', layoutCommands(maximised, collapsed, maximisePane, controls));

  if (maximised) {
    return (
      <CockpitLayoutContext.Provider value={controls}>
        <div className="cockpit-maximised" data-maximised={maximised}>
          {panes[maximised]}
        </div>
      </CockpitLayoutContext.Provider>
    );
  }
  const stacked = (id: Stacked, defaultSize: string) => (
    <StackedPanel key={id} id={id} panelRef={refs[id]} defaultSize={defaultSize} onCollapsedChange={onCollapsedChange}>
      {panes[id]}
    </StackedPanel>
  );
  return (
    <CockpitLayoutContext.Provider value={controls}>
      <Group orientation="horizontal" className="cockpit-grid" id="firebreak.layout.columns" defaultLayout={columns.defaultLayout} onLayoutChanged={columns.onLayoutChanged}>
        <Panel id="timeline" className="cockpit-panel" minSize={340} defaultSize="42">
          {panes.timeline}
        </Panel>
        <Separator className="resize-handle" aria-label="Resize the timeline and the runbook column" />
        <Panel id="ops" minSize={260} defaultSize="29">
          <Group orientation="vertical" className="cockpit-column" id="firebreak.layout.ops" defaultLayout={ops.defaultLayout} onLayoutChanged={ops.onLayoutChanged}>
            {stacked('runbooks', '46')}
            <Separator className="resize-handle" aria-label="Resize runbooks and rollback" />
            {stacked('rollback', '20')}
            <Separator className="resize-handle" aria-label="Resize rollback and hot fix" />
            {stacked('hotfix', '17')}
            <Separator className="resize-handle" aria-label="Resize hot fix and connectors" />
            {stacked('connectors', '17')}
          </Group>
        </Panel>
        <Separator className="resize-handle" aria-label="Resize the runbook column and the metrics column" />
        <Panel id="info" minSize={260} defaultSize="29">
          <Group orientation="vertical" className="cockpit-column" id="firebreak.layout.info" defaultLayout={info.defaultLayout} onLayoutChanged={info.onLayoutChanged}>
            {stacked('metrics', '60')}
            <Separator className="resize-handle" aria-label="Resize metrics and updates" />
            {stacked('updates', '40')}
          </Group>
        </Panel>
      </Group>
    </CockpitLayoutContext.Provider>
  );
}

/** Maximise / restore every pane and collapse / expand the stacked ones, from the palette; layout only, so a review bundle has them too. */
function layoutCommands(
  maximised: CockpitPaneId | undefined,
  collapsed: ReadonlySet<Stacked>,
  maximisePane: (pane: CockpitPaneId | undefined) => void,
  controls: CockpitLayoutControls,
): ContributedCommand[] {
  const commands: ContributedCommand[] = [];
  if (maximised) {
    const label = paneShortcuts.find((p) => p.pane === maximised)?.label ?? maximised;
    commands.push({ id: 'restore-layout', label: 'Restore the layout', hint: `${label} is maximised`, shortcut: 'Esc', run: () => {
        maximisePane(undefined);
        goToPane(maximised);
      },
    });
  }
  for (const p of paneShortcuts) {
    if (p.pane === maximised) continue;
    commands.push({
      id: `maximise-${p.pane}`,
      label: `Maximise ${p.label} pane`,
      hint: 'show it alone; Esc restores',
      run: () => {
        maximisePane(p.pane);
        goToPane(p.pane);
      },
    });
  }
  if (!maximised) {
    for (const p of paneShortcuts) {
      if (!controls.canCollapse(p.pane)) continue;
      const isCollapsed = collapsed.has(p.pane as Stacked);
      commands.push({ id: `collapse-${p.pane}`, label: `${isCollapsed ? 'Expand' : 'Collapse'} ${p.label} pane`, run: () => controls.toggleCollapsed(p.pane) });
    }
  }
  return commands;
}
