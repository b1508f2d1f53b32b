// What the bundled demo holds, read from the generated file itself, so journeys assert the demo's real numbers instead of
// copies that go stale whenever `npm run demo:generate` tells the story differently.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IncidentEvent } from '../shared/events';
import { projectChecklists } from '../shared/runbooks/checklist';
import { buildTimelineRows } from '../shared/timeline/timeline-view';
import { repoRoot } from './fixtures';

export const DEMO_TITLE = /Checkout latency and 5xx/;

export const demoEvents: IncidentEvent[] = readFileSync(join(repoRoot, 'assets', 'demo-incident', 'events.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => IncidentEvent.parse(JSON.parse(line)));

export const demoEventTotal = demoEvents.length;

/** The timeline's rows (pins and classifications annotate rows instead of adding their own): "<rows> events" in its counter. */
export const demoTimelineRows = buildTimelineRows(demoEvents).length;

export const demoChecklist = projectChecklists(demoEvents)[0]!;

/** Updates published before a moment (Unix ms). */
export const updatesPublishedBy = (ms: number) => demoEvents.filter((e) => e.type === 'update.published' && Date.parse(e.ts) <= ms).length;
