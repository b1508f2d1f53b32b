// What a pane needs from the cockpit layout: collapse / expand its panel (stacked panes only), whether it is collapsed, and
// telling the layout whether it has anything going on (idle panes fold to their header to give room to busy ones).
import { createContext, useContext, useEffect } from 'react';
import type { CockpitPaneId } from '../state/ui-store';

export interface CockpitLayoutControls {
  canCollapse(pane: CockpitPaneId): boolean;
  isCollapsed(pane: CockpitPaneId): boolean;
  toggleCollapsed(pane: CockpitPaneId): void;
  /** `idle` for this incident: true when the pane has nothing going on, undefined while not known (or in playback). */
  reportIdle(pane: CockpitPaneId, incidentId: string, idle: boolean | undefined): void;
}

const none: CockpitLayoutControls = { canCollapse: () => false, isCollapsed: () => false, toggleCollapsed: () => undefined, reportIdle: () => undefined };

export const CockpitLayoutContext = createContext<CockpitLayoutControls>(none);

export const useCockpitLayout = () => useContext(CockpitLayoutContext);

/** Keeps the layout told whether the pane is idle for the incident; a pane that goes away says it no longer knows. */
export function useReportIdle(pane: CockpitPaneId, incidentId: string, idle: boolean | undefined): void {
  const { reportIdle } = useCockpitLayout();
  useEffect(() => {
    reportIdle(pane, incidentId, idle);
  }, [reportIdle, pane, incidentId, idle]);
  useEffect(() => () => reportIdle(pane, incidentId, undefined), [reportIdle, pane, incidentId]);
}
