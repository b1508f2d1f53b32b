// Events that define an incident itself: declaration, status, severity, commander and notes.
import { z } from 'zod';
import { IncidentStatus } from '../incidents/status';
import { Severity } from '../incidents/severity';
import { eventOf } from './envelope';

export const ServiceName = z
  .string()
  .trim()
  .min(1, 'Enter a service name')
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'Service names use letters, digits, dot, dash and underscore');

export const IncidentDeclared = eventOf(
  'incident.declared',
  z.object({
    title: z.string().trim().min(3).max(200),
    severity: Severity,
    commander: z.string().trim().min(1).max(120),
    services: z.array(ServiceName).max(50),
    summary: z.string().max(4000).optional(),
    /** Set on the bundled demo incident so the UI can label it clearly. */
    demo: z.boolean().optional(),
  }),
);

export const StatusChanged = eventOf(
  'incident.status_changed',
  z.object({ from: IncidentStatus, to: IncidentStatus, reason: z.string().max(2000).optional() }),
);

export const SeverityChanged = eventOf(
  'incident.severity_changed',
  z.object({ from: Severity, to: Severity, reason: z.string().max(2000).optional() }),
);

export const CommanderChanged = eventOf(
  'incident.commander_changed',
  z.object({ from: z.string(), to: z.string().trim().min(1).max(120) }),
);

export const NoteKind = z.enum(['note', 'observation', 'hypothesis', 'decision', 'action']);
export type NoteKind = z.infer<typeof NoteKind>;

export const NoteAdded = eventOf(
  'note.added',
  z.object({
    text: z.string().trim().min(1).max(20000),
    kind: NoteKind.default('note'),
    /** When it happened, if reported late; the envelope's ts stays the time it was recorded. */
    happenedAt: z.iso.datetime().optional(),
  }),
);

export const incidentEventSchemas = [IncidentDeclared, StatusChanged, SeverityChanged, CommanderChanged, NoteAdded] as const;
