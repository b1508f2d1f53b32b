// The playback engine, loaded on demand (its own chunk): the checkpointed cockpit projection and the timeline index of one
// log version (the timeline at t is a page of it, never every row). The live cockpit never loads it.
import type { IncidentEvent } from '../../../shared/events';
import { CheckpointedReplay } from '../../../shared/playback/checkpoints';
import { cockpitProjection, type CockpitState } from '../../../shared/playback/cockpit-projection';
import { TimelineIndex } from '../../../shared/timeline/timeline-index';

export interface CockpitReplay {
  cockpit: CheckpointedReplay<CockpitState>;
  timelineIndex: TimelineIndex;
}

export function buildCockpitReplay(incidentId: string, events: readonly IncidentEvent[]): CockpitReplay {
  return { cockpit: new CheckpointedReplay(cockpitProjection(incidentId), events), timelineIndex: new TimelineIndex().addAll(events) };
}
