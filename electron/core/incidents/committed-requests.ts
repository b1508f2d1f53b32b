// Rebuilds the answer of a request that committed before the last restart, from the events that carry its request id: the
// event itself for requests that answer with one (notes, pins, reviews…), the incident as it stood right after the request for
// requests that answer with the incident, and an honest "already done" for the rest.
import { IncidentEvent } from '../../../shared/events';
import { incidentProjection } from '../../../shared/projections/domain-projections';
import { contract, IncidentStateSchema, type Channel } from '../../../shared/ipc';
import { fail, ok, type Result } from '../../../shared/result';
import type { IncidentStore } from '../store/incident-store';

export function recallCommittedRequest(store: IncidentStore, channel: Channel, requestId: string): Result<unknown> | undefined {
  const committed = store.committedRequest(requestId);
  if (!committed) return undefined;
  const output = contract[channel].output as unknown;
  const log = store.get(committed.incidentId).log;
  const first = log?.eventAt(committed.seqs[0]!);
  if (output === IncidentEvent && first) return ok(first);
  const lastSeq = committed.seqs.at(-1)!;
  if (output === IncidentStateSchema && log) {
    // The incident right after the request: a fold of the log up to it, read a chunk at a time (a rare retry after a restart).
    let fold = incidentProjection.initial(committed.incidentId);
    for (const e of log.read(1, lastSeq)) fold = incidentProjection.apply(fold, e, committed.incidentId);
    const state = incidentProjection.view(fold);
    if (state) return ok(state);
  }
  const seqs = committed.seqs.map((seq) => `#${seq}`).join(', ');
  return fail(
    'conflict',
    `This request was already carried out before Firebreak restarted (event ${seqs} of incident ${committed.incidentId}), so it was not repeated. Refresh to see its result.`,
  );
}
