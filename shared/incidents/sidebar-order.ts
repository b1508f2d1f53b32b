// The incident switcher's order: what is burning first (active by severity, then the longest-running), then the rest.
import type { IncidentListItem } from '../ipc/incidents';
import { severities } from './severity';

export interface SidebarGroups {
  /** Unresolved incidents: SEV1 before SEV2 …, and within a severity the one declared earliest first. */
  active: IncidentListItem[];
  /** Resolved incidents, most recently resolved first. */
  resolved: IncidentListItem[];
  /** Logs that could not be read at all: listed last with their problem, never hidden. */
  unreadable: IncidentListItem[];
}

export function groupIncidentsForSidebar(items: readonly IncidentListItem[]): SidebarGroups {
  const active: IncidentListItem[] = [];
  const resolved: IncidentListItem[] = [];
  const unreadable: IncidentListItem[] = [];
  for (const item of items) {
    if (!item.state) unreadable.push(item);
    else if (item.state.status === 'resolved') resolved.push(item);
    else active.push(item);
  }
  const rank = (i: IncidentListItem) => severities.indexOf(i.state!.severity);
  active.sort((a, b) => rank(a) - rank(b) || Date.parse(a.state!.declaredAt) - Date.parse(b.state!.declaredAt) || a.id.localeCompare(b.id));
  const resolvedAt = (i: IncidentListItem) => Date.parse(i.state!.resolvedAt ?? i.state!.updatedAt);
  resolved.sort((a, b) => resolvedAt(b) - resolvedAt(a) || a.id.localeCompare(b.id));
  return { active, resolved, unreadable };
}
