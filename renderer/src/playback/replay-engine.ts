// The playback engine, loaded on demand (its own chunk): the checkpointed cockpit projection and the timeline's
// unannotated rows of one log version. The live cockpit never loads it.
import type { IncidentEvent } from '../../../shared/events';
import { CheckpointedReplay } from '../../../shared/playback/checkpoints';
import { cockpitProjection, type CockpitState } from '../../../shared/playback/cockpit-projection';
import { unannotatedRows } from '../../../shared/playback/timeline-at';
import type { TimelineRow } from '../../../shared/timeline/timeline-view';

export interface CockpitReplay {
  cockpit: CheckpointedReplay<CockpitState>;
  timelineBase: readonly TimelineRow[];
}

export function buildCockpitReplay(incidentId: string, events: readonly IncidentEvent[]): CockpitReplay {
  return { cockpit: new CheckpointedReplay(cockpitProjection(incidentId), events), timelineBase: unannotatedRows(events) };
}
