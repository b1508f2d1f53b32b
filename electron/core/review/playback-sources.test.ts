// The playback projection names each row's timeline source from the event's type (a note's from its kind) instead of
// describing the event: checked here, where the bundled demo log can be read, over every event type it and the synthetic
// logs hold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import { timelineSourceOf } from '../../../shared/playback/cockpit-slices';
import { seededRandom, syntheticLog } from '../../../shared/playback/synthetic-log';
import { toTimelineEntry } from '../../../shared/timeline/describe-event';

describe('playback timeline sources', () => {
  it('knows the timeline source of every event from its type (of a note, from its kind), as describing the event says', () => {
    const demo = readFileSync(join(__dirname, '../../../assets/demo-incident/events.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as IncidentEvent);
    const events = [...demo, ...syntheticLog({ count: 3000, random: seededRandom(9) })];
    expect(new Set(events.map((e) => e.type)).size).toBeGreaterThanOrEqual(46);
    for (const e of events) expect([e.type, timelineSourceOf(e)]).toEqual([e.type, toTimelineEntry(e).source]);
  });
});
