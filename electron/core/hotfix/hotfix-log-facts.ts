// What opening and tagging a hot fix read from the log besides the hot-fix state, advanced event by event: the first Jira
// issue linked as the incident's own (not an action item). Scanned from the whole log per request, each tag or Jira note
// read the file back from disk past the log's in-memory tail.
import type { IncidentEvent } from '../../../shared/events';
import type { ProjectionDef } from '../../../shared/projections/incremental-projection';

/** The key of the first jira.issue_linked event that is not an action item (a later re-link does not move it). */
export const incidentJiraIssueProjection: ProjectionDef<{ issueKey: string | undefined }, string | undefined> = {
  name: 'incident jira issue',
  initial: () => ({ issueKey: undefined }),
  apply: (fold, e: IncidentEvent) => {
    if (fold.issueKey === undefined && e.type === 'jira.issue_linked' && e.payload.actionItem !== true) fold.issueKey = e.payload.issueKey;
    return fold;
  },
  view: (fold) => fold.issueKey,
};

/** The whole-log answer the projection equals (tests compare the two). */
export function incidentJiraIssueOf(events: readonly IncidentEvent[]): string | undefined {
  const first = events.find((e) => e.type === 'jira.issue_linked' && e.payload.actionItem !== true);
  return first?.type === 'jira.issue_linked' ? first.payload.issueKey : undefined;
}
