// When an event happened, as opposed to when it was recorded (the envelope's ts): late notes, alerts, commits, remote items.
import { connectorHappenedAt } from '../connectors/describe-connector-event';
import type { IncidentEvent } from '../events';

const iso = (at: string | undefined): string | undefined => (at !== undefined && !Number.isNaN(Date.parse(at)) ? new Date(at).toISOString() : undefined);

/** The event's own evidence of when it happened, in UTC ISO form; undefined when it happened when it was recorded. */
export function happenedAtOf(event: IncidentEvent): string | undefined {
  switch (event.type) {
    case 'note.added':
      return iso(event.payload.happenedAt);
    case 'alert.fired':
      return iso(event.payload.startsAt);
    case 'alert.resolved':
      return iso(event.payload.endsAt);
    case 'git.commit':
    case 'git.tag':
      return iso(event.payload.committedAt);
    default:
      return connectorHappenedAt(event);
  }
}

/** The time the timeline orders an event by: when it happened, else when it was recorded. */
export const happenedTime = (event: IncidentEvent): string => happenedAtOf(event) ?? event.ts;
