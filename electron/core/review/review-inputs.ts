// The review draft's inputs from a log of any length, without holding it whole: one chunked pass folds the incident state
// and the seqs marked as decisions, a second keeps only the events the draft reads (readByReview). Past the log's in-memory
// tail log.events is a full read into one array (hundreds of MB at a million events, most of them metric samples and
// plain notes the draft never looks at); these two passes hold one chunk at a time plus what the draft reads.
import type { IncidentEvent } from '../../../shared/events';
import { incidentProjection } from '../../../shared/projections/domain-projections';
import { IncrementalProjection } from '../../../shared/projections/incremental-projection';
import type { ReviewFolds } from '../../../shared/review/review-draft';
import { decisionSeqs, readByReview } from '../../../shared/review/review-story';
import type { IncidentLog } from '../store/incident-log';

export interface ReviewInputs {
  /** The events the draft reads, in log order. */
  events: IncidentEvent[];
  folds: ReviewFolds;
}

export function reviewInputs(incidentId: string, log: IncidentLog): ReviewInputs {
  // Both passes stop at the same seq, so events appended meanwhile do not make them disagree.
  const lastSeq = log.lastSeq;
  const incident = new IncrementalProjection(incidentProjection, incidentId);
  // In the log's own order, as projectIncident over log.events (not the team's merge order the store's projection may use).
  const decided = decisionSeqs(
    (function* () {
      for (const chunk of log.readChunks(1, lastSeq)) {
        incident.apply(chunk);
        yield* chunk;
      }
    })(),
  );
  const events: IncidentEvent[] = [];
  for (const chunk of log.readChunks(1, lastSeq)) for (const e of chunk) if (readByReview(e, decided)) events.push(e);
  return { events, folds: { state: incident.value(), decided } };
}
