// IPC contract for the PagerDuty connector: settings (tokens never returned), incidents, import/link, writes via the outbox, on-call, sync.
import { z } from 'zod';
import { ConnectionReport } from '../connectors/connection-report';
import { ConnectorUrl } from '../connectors/connector-url';
import { request } from './define';
import { IncidentId, IncidentStateSchema } from './incidents';
import { OutboxItemSchema } from './outbox';

const PdId = z.string().trim().regex(/^[A-Z0-9]{5,20}$/, 'A PagerDuty id looks like PABC123');
const RoutingKeyName = z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/i, 'Name routing keys with letters, digits, dot, dash, underscore');

export const PagerDutySettingsView = z.object({
  configured: z.boolean(),
  apiUrl: z.string(),
  eventsUrl: z.string(),
  fromEmail: z.string().optional(),
  tokenConfigured: z.boolean(),
  /** Names of configured Events v2 routing keys; the keys themselves stay in the main process. */
  routingKeyNames: z.array(z.string()),
  protection: z.string(),
});
export type PagerDutySettingsView = z.infer<typeof PagerDutySettingsView>;

export const PdIncidentView = z.object({
  id: z.string(),
  number: z.number().int().optional(),
  title: z.string(),
  status: z.enum(['triggered', 'acknowledged', 'resolved']),
  urgency: z.enum(['high', 'low']).optional(),
  url: z.string().optional(),
  createdAt: z.string().optional(),
  serviceId: z.string().optional(),
  serviceName: z.string().optional(),
  assignees: z.array(z.string()),
});
export type PdIncidentView = z.infer<typeof PdIncidentView>;

const ByIncident = z.object({ incidentId: IncidentId });

export const pagerDutyContract = {
  'pagerduty.settings.get': request('PagerDuty settings without tokens or routing keys', z.object({}), PagerDutySettingsView),
  'pagerduty.settings.save': request(
    'Save the PagerDuty From email, API URLs, and (optionally new) REST token and routing keys',
    z.object({
      fromEmail: z.email('PagerDuty needs the email of a PagerDuty user for writes'),
      apiUrl: ConnectorUrl.optional(),
      eventsUrl: ConnectorUrl.optional(),
      apiToken: z.string().trim().min(8, 'Paste the whole REST API token').max(500).optional(),
      /** name → key; an empty key removes that routing key. */
      routingKeys: z.record(RoutingKeyName, z.string().trim().max(200)).optional(),
    }),
    PagerDutySettingsView,
  ),
  'pagerduty.settings.clear': request('Forget the PagerDuty token, routing keys and settings', z.object({}), PagerDutySettingsView),
  'pagerduty.testConnection': request('Check the PagerDuty REST token', z.object({}), ConnectionReport),
  'pagerduty.services': request('PagerDuty services, to choose which to watch', z.object({ query: z.string().max(200).optional() }), z.array(z.object({ id: z.string(), name: z.string() }))),
  'pagerduty.incidents': request(
    'One page of incidents, filtered by PagerDuty (statuses, services, urgency, since/until); ask again with nextOffset for more',
    z.object({
      serviceIds: z.array(PdId).max(50).default([]),
      statuses: z.array(z.enum(['triggered', 'acknowledged', 'resolved'])).max(3).default(['triggered', 'acknowledged']),
      urgencies: z.array(z.enum(['high', 'low'])).max(2).default([]),
      since: z.iso.datetime({ offset: true }).optional(),
      until: z.iso.datetime({ offset: true }).optional(),
      offset: z.number().int().nonnegative().max(100_000).default(0),
    }),
    z.object({ incidents: z.array(PdIncidentView), more: z.boolean(), nextOffset: z.number().int().optional() }),
  ),
  'pagerduty.openIncidents': request('Triggered and acknowledged incidents of the chosen services', z.object({ serviceIds: z.array(PdId).max(50).default([]) }), z.array(PdIncidentView)),
  'pagerduty.import': request('Declare a Firebreak incident from a PagerDuty incident and link them', z.object({ pdIncidentId: PdId, commander: z.string().trim().min(1).max(120).optional() }), IncidentStateSchema),
  'pagerduty.link': request('Link an existing Firebreak incident to a PagerDuty incident', ByIncident.extend({ pdIncidentId: PdId }), PdIncidentView),
  'pagerduty.linked': request('The PagerDuty incident linked to an incident, if any', ByIncident, PdIncidentView.partial().extend({ id: z.string() }).nullable()),
  'pagerduty.setStatus': request(
    'Queue acknowledge / resolve of the linked PagerDuty incident',
    ByIncident.extend({ status: z.enum(['acknowledged', 'resolved']), resolution: z.string().max(2000).optional() }),
    OutboxItemSchema,
  ),
  'pagerduty.reassign': request('Queue reassignment of the linked PagerDuty incident', ByIncident.extend({ userIds: z.array(PdId).min(1).max(10) }), OutboxItemSchema),
  'pagerduty.note': request('Queue a note on the linked PagerDuty incident', ByIncident.extend({ content: z.string().trim().min(1, 'A note cannot be empty').max(25000) }), OutboxItemSchema),
  'pagerduty.statusUpdate': request('Queue a status update on the linked PagerDuty incident', ByIncident.extend({ message: z.string().trim().min(1).max(10000) }), OutboxItemSchema),
  'pagerduty.event': request(
    'Queue an Events v2 trigger / acknowledge / resolve with this incident as the dedup key',
    ByIncident.extend({ routingKeyName: RoutingKeyName, action: z.enum(['trigger', 'acknowledge', 'resolve']), severity: z.enum(['critical', 'error', 'warning', 'info']).optional() }),
    OutboxItemSchema,
  ),
  'pagerduty.oncall': request(
    'Who is on call for services (defaults to the linked incident’s service)',
    z.object({ incidentId: IncidentId.optional(), serviceIds: z.array(PdId).max(20).default([]) }),
    z.array(z.object({ serviceId: z.string(), serviceName: z.string(), user: z.string(), escalationLevel: z.number().int().optional(), until: z.string().optional() })),
  ),
  'pagerduty.sync': request('Read log entries and notes of the linked PagerDuty incident into the timeline', ByIncident, z.object({ imported: z.number().int() })),
};
