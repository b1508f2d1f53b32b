// What a pane header needs from the cockpit layout: collapse / expand its panel (stacked panes only) and whether it is collapsed.
import { createContext, useContext } from 'react';
import type { CockpitPaneId } from '../state/ui-store';

export interface CockpitLayoutControls {
  canCollapse(pane: CockpitPaneId): boolean;
  isCollapsed(pane: CockpitPaneId): boolean;
  toggleCollapsed(pane: CockpitPaneId): void;
}

const none: CockpitLayoutControls = { canCollapse: () => false, isCollapsed: () => false, toggleCollapsed: () => undefined };

export const CockpitLayoutContext = createContext<CockpitLayoutControls>(none);

export const useCockpitLayout = () => useContext(CockpitLayoutContext);
