// Test support: builds a valid incident event log at chosen times, so update tests read like an incident's story.
import { IncidentEvent, type NewEvent } from '../events';

export interface LogBuilder {
  /** Appends an event `minutes` after the declaration (which is at minute 0). */
  at(minutes: number, event: Omit<NewEvent, 'ts' | 'actor'> & { actor?: string }): LogBuilder;
  events: IncidentEvent[];
  time(minutes: number): Date;
}

export function incidentLog(start: string, declared: Extract<NewEvent, { type: 'incident.declared' }>['payload']): LogBuilder {
  const t0 = Date.parse(start);
  const events: IncidentEvent[] = [];
  const builder: LogBuilder = {
    events,
    time: (minutes) => new Date(t0 + minutes * 60_000),
    at(minutes, event) {
      const candidate = { v: 1, seq: events.length + 1, ts: builder.time(minutes).toISOString(), actor: event.actor ?? 'alice', type: event.type, payload: event.payload };
      events.push(IncidentEvent.parse(candidate));
      return builder;
    },
  };
  return builder.at(0, { type: 'incident.declared', payload: declared });
}
