// The union of every incident event type; each domain declares its events in its own file and is listed here once.
import { z } from 'zod';
import { incidentEventSchemas } from './incident-events';
import { sourceEventSchemas } from './source-events';

const allEventSchemas = [...incidentEventSchemas, ...sourceEventSchemas] as const;

export const IncidentEvent = z.discriminatedUnion('type', allEventSchemas);
export type IncidentEvent = z.infer<typeof IncidentEvent>;
export type EventType = IncidentEvent['type'];
export type EventOfType<T extends EventType> = Extract<IncidentEvent, { type: T }>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What a caller hands to the store: the store assigns v and seq, and ts unless the event is historical. */
export type NewEvent = DistributiveOmit<z.input<typeof IncidentEvent>, 'v' | 'seq' | 'ts'> & { ts?: string };

export const eventTypes: readonly EventType[] = allEventSchemas.map((s) => s.shape.type.value);

export * from './envelope';
export * from './incident-events';
export * from './source-events';
