// The playback engine, loaded on demand (its own chunk): the checkpointed cockpit projection and the timeline's
// unannotated rows of one log version. The live cockpit never loads it.
import type { IncidentEvent } from '../../../shared/events';
import { CheckpointedReplay } from '../../../shared/playback/checkpoints';
import { cockpitProjection, type CockpitState } from '../../../shared/playback/cockpit-projection';
import { unannotatedRows, type TimelineBase } from '../../../shared/playback/timeline-at';

export interface CockpitReplay {
  cockpit: CheckpointedReplay<CockpitState>;
  timelineBase: TimelineBase;
}

export function buildCockpitReplay(incidentId: string, events: readonly IncidentEvent[]): CockpitReplay {
  return { cockpit: new CheckpointedReplay(cockpitProjection(incidentId), events), timelineBase: unannotatedRows(events) };
}
