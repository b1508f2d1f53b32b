// summary.json: the page as data, shaped like Atlassian Statuspage's /api/v2/summary.json (page, status, components,
// incidents with incident_updates) so existing widgets and scripts can read it. Past incidents are added as `history`.
import type { StatusPageIncident, StatusPageModel } from './status-page-model';

const incidentJson = (i: StatusPageIncident) => ({
  id: i.id,
  name: i.name,
  status: i.status,
  impact: i.impact,
  created_at: i.createdAt,
  updated_at: i.updatedAt,
  resolved_at: i.resolvedAt ?? null,
  components: i.components.map((name) => ({ name })),
  incident_updates: i.updates.map((u) => ({ id: u.id, status: u.status, body: u.body, created_at: u.createdAt })),
});

export function renderSummaryJson(model: StatusPageModel): string {
  const summary = {
    page: { name: model.page.name, url: model.page.url ?? null, updated_at: model.page.updatedAt },
    status: { indicator: model.overall.indicator, description: model.overall.description },
    components: model.components.map((c) => ({ name: c.name, status: c.status })),
    incidents: model.active.map(incidentJson),
    history: model.history.map(incidentJson),
  };
  return JSON.stringify(summary, null, 2) + '\n';
}
