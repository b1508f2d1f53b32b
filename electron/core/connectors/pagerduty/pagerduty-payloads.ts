// zod schemas for the parts of PagerDuty REST v2 and Events v2 responses Firebreak consumes.
import { z } from 'zod';

const Ref = z.object({ id: z.string(), summary: z.string().nullable().optional(), html_url: z.string().nullable().optional() });

export const IncidentStatus = z.enum(['triggered', 'acknowledged', 'resolved']);

export const IncidentPayload = z.object({
  id: z.string(),
  incident_number: z.number().int().optional(),
  title: z.string().optional(),
  summary: z.string().nullable().optional(),
  status: IncidentStatus,
  urgency: z.enum(['high', 'low']).optional(),
  html_url: z.string().nullable().optional(),
  created_at: z.string().optional(),
  service: Ref.optional(),
  escalation_policy: Ref.optional(),
  assignments: z.array(z.object({ assignee: Ref })).optional(),
});
export type IncidentPayload = z.infer<typeof IncidentPayload>;

const Paged = { more: z.boolean().optional(), offset: z.number().int().optional(), limit: z.number().int().optional() };

export const IncidentListPayload = z.object({ incidents: z.array(IncidentPayload), ...Paged });
export const OneIncidentPayload = z.object({ incident: IncidentPayload });

export const NotePayload = z.object({ id: z.string(), content: z.string(), created_at: z.string().optional(), user: Ref.nullable().optional() });
export const NotesPayload = z.object({ notes: z.array(NotePayload) });
export const OneNotePayload = z.object({ note: NotePayload });

export const LogEntryPayload = z.object({
  id: z.string(),
  type: z.string(),
  summary: z.string().nullable().optional(),
  created_at: z.string(),
  agent: Ref.nullable().optional(),
  note: z.string().optional(),
});
export const LogEntriesPayload = z.object({ log_entries: z.array(LogEntryPayload), ...Paged });

export const StatusUpdatePayload = z.object({ status_update: z.object({ id: z.string().optional(), message: z.string().optional() }) });

export const ServicePayload = z.object({ id: z.string(), name: z.string().optional(), summary: z.string().nullable().optional(), escalation_policy: Ref });
export const ServiceListPayload = z.object({ services: z.array(ServicePayload), ...Paged });
export const OneServicePayload = z.object({ service: ServicePayload });

export const OncallPayload = z.object({
  user: Ref.optional(),
  escalation_policy: Ref,
  escalation_level: z.number().int().optional(),
  start: z.string().nullable().optional(),
  end: z.string().nullable().optional(),
});
export const OncallListPayload = z.object({ oncalls: z.array(OncallPayload), ...Paged });

export const AbilitiesPayload = z.object({ abilities: z.array(z.string()) });

export const EventAcceptedPayload = z.object({ status: z.string(), message: z.string().optional(), dedup_key: z.string().optional() });
