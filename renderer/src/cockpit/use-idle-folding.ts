// Idle panes yield room to busy ones: a stacked pane that says it has nothing going on for the incident (no service to roll
// back, no hot fix opened, no connector set up or linked) folds to its header, and unfolds when that changes (a rollback is
// planned, a hot fix opened…). The layout acts only when a pane's idle state or the incident changes, so the user's own
// collapse / expand stands until then; what was last acted on is remembered with the layout, so a reload keeps the user's.
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { GroupImperativeHandle, PanelImperativeHandle } from 'react-resizable-panels';
import type { CockpitPaneId } from '../state/ui-store';
import { refold } from './idle-fold';

export interface FoldingColumn {
  group: RefObject<GroupImperativeHandle | null>;
  /** The column's panels, top to bottom. */
  panels: Partial<Record<CockpitPaneId, RefObject<PanelImperativeHandle | null>>>;
  /** Percent of the column each pane starts with: what an unfolding pane gets back. */
  defaults: Partial<Record<CockpitPaneId, number>>;
}

type Report = { incidentId: string; idle: boolean };
type Reports = Partial<Record<CockpitPaneId, Report>>;

const ACTED_KEY = 'firebreak.layout.idle-folding';

function readActed(): Reports {
  try {
    return (JSON.parse(localStorage.getItem(ACTED_KEY) ?? '{}') as Reports) ?? {};
  } catch {
    // Unreadable (hand-edited or from an older build): act afresh on what the panes report.
    return {};
  }
}

/** The column's height in pixels, from any of its panels' size in pixels and in percent. */
function columnPixels(panels: readonly (PanelImperativeHandle | null)[]): number | undefined {
  for (const panel of panels) {
    const size = panel?.getSize();
    if (size && size.asPercentage > 0) return (size.inPixels * 100) / size.asPercentage;
  }
  return undefined;
}

/** Returns the panes' `reportIdle`; folds and unfolds the columns' panes while `active` (not while a pane is maximised). */
export function useIdleFolding(incidentId: string, columns: readonly FoldingColumn[], foldedPx: number, active: boolean) {
  const [reports, setReports] = useState<Reports>({});
  const reportIdle = useCallback((pane: CockpitPaneId, forIncident: string, idle: boolean | undefined) => {
    setReports((prev) => {
      const known = prev[pane];
      if (idle === undefined) {
        if (!known || known.incidentId !== forIncident) return prev;
        const next = { ...prev };
        delete next[pane];
        return next;
      }
      return known?.incidentId === forIncident && known.idle === idle ? prev : { ...prev, [pane]: { incidentId: forIncident, idle } };
    });
  }, []);

  useEffect(() => {
    if (!active) return;
    const acted = readActed();
    let remembered = false;
    for (const column of columns) {
      const group = column.group.current;
      const panes = Object.keys(column.panels) as CockpitPaneId[];
      const px = columnPixels(panes.map((p) => column.panels[p]?.current ?? null));
      if (!group || !px) continue;
      const fold: CockpitPaneId[] = [];
      const unfold: CockpitPaneId[] = [];
      for (const pane of panes) {
        const report = reports[pane];
        if (!report || report.incidentId !== incidentId) continue;
        const last = acted[pane];
        if (last && last.incidentId === incidentId && last.idle === report.idle) continue;
        acted[pane] = report;
        remembered = true;
        const collapsed = column.panels[pane]?.current?.isCollapsed() ?? false;
        if (report.idle && !collapsed) fold.push(pane);
        else if (!report.idle && collapsed) unfold.push(pane);
      }
      if (fold.length === 0 && unfold.length === 0) continue;
      const next = refold(group.getLayout(), { fold, unfold }, (foldedPx * 100) / px, column.defaults);
      if (next) group.setLayout(next);
    }
    if (remembered) localStorage.setItem(ACTED_KEY, JSON.stringify(acted));
    // columns hold refs (stable objects): the reports, the incident and whether the columns are shown decide.
  }, [reports, incidentId, active]);

  return reportIdle;
}
