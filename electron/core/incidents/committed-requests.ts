// Rebuilds the answer of a request that committed before the last restart, from the events that carry its request id: the
// event itself for requests that answer with one (notes, pins, reviews…), the incident as it stood right after the request for
// requests that answer with the incident, and an honest "already done" for the rest.
import { IncidentEvent } from '../../../shared/events';
import { projectIncident } from '../../../shared/incidents/incident-state';
import { contract, IncidentStateSchema, type Channel } from '../../../shared/ipc';
import { fail, ok, type Result } from '../../../shared/result';
import type { IncidentStore } from '../store/incident-store';

export function recallCommittedRequest(store: IncidentStore, channel: Channel, requestId: string): Result<unknown> | undefined {
  const committed = store.committedRequest(requestId);
  if (!committed) return undefined;
  const output = contract[channel].output as unknown;
  if (output === IncidentEvent) return ok(committed.events[0]);
  const lastSeq = committed.events.at(-1)!.seq;
  if (output === IncidentStateSchema) {
    const events = store.get(committed.incidentId).log?.events ?? [];
    const state = projectIncident(committed.incidentId, events.filter((e) => e.seq <= lastSeq));
    if (state) return ok(state);
  }
  const seqs = committed.events.map((e) => `#${e.seq}`).join(', ');
  return fail(
    'conflict',
    `This request was already carried out before Firebreak restarted (event ${seqs} of incident ${committed.incidentId}), so it was not repeated. Refresh to see its result.`,
  );
}
