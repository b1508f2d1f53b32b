// The union of every incident event type; each domain declares its events in its own file and is listed here once.
import { z } from 'zod';
import { connectorEventSchemas } from './connector-events';
import { incidentEventSchemas } from './incident-events';
import { outboxEventSchemas } from './outbox-events';
import { runbookEventSchemas } from './runbook-events';
import { metricsEventSchemas } from './metrics-events';
import { gitEventSchemas } from './git-events';
import { hotfixEventSchemas } from './hotfix-events';
import { rollbackEventSchemas } from './rollback-events';
import { sourceEventSchemas } from './source-events';
import { teamEventSchemas } from './team-events';
import { timelineEventSchemas } from './timeline-events';
import { reviewEventSchemas } from './review-events';
import { updateEventSchemas } from './update-events';
import { hotfixRolloutEventSchemas } from './hotfix-rollout-events';

const allEventSchemas = [...incidentEventSchemas, ...sourceEventSchemas, ...updateEventSchemas, ...rollbackEventSchemas, ...gitEventSchemas, ...metricsEventSchemas, ...runbookEventSchemas, ...outboxEventSchemas, ...connectorEventSchemas, ...timelineEventSchemas, ...reviewEventSchemas, ...teamEventSchemas, ...hotfixEventSchemas, ...hotfixRolloutEventSchemas] as const;

export const IncidentEvent = z.discriminatedUnion('type', allEventSchemas);
export type IncidentEvent = z.infer<typeof IncidentEvent>;
export type EventType = IncidentEvent['type'];
export type EventOfType<T extends EventType> = Extract<IncidentEvent, { type: T }>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What a caller hands to the store: the store assigns v and seq, and ts unless the event is historical. */
export type NewEvent = DistributiveOmit<z.input<typeof IncidentEvent>, 'v' | 'seq' | 'ts' | 'h'> & { ts?: string };

export const eventTypes: readonly EventType[] = allEventSchemas.map((s) => s.shape.type.value);

export * from './envelope';
export * from './incident-events';
export * from './source-events';
export * from './outbox-events';
export * from './connector-events';
export * from './runbook-events';
export * from './rollback-events';
export * from './git-events';
export * from './update-events';
export * from './timeline-events';
export * from './review-events';
export * from './team-events';
export * from './hotfix-rollout-events';
export * from './hotfix-events';
export * from './event-refs';
