// Team events fold into the incident state the same way live, in playback (any prefix of the log) and in the review story.
import { describe, expect, it } from 'vitest';
import { IncidentEvent } from '../events';
import { projectIncident } from '../incidents/incident-state';
import { storyLines } from '../review/review-story';
import { toTimelineEntry } from '../timeline/describe-event';

const at = (m: number) => `2026-03-01T10:${String(m).padStart(2, '0')}:00.000Z`;
const me = { handle: 'ana.k', deviceId: 'dev_aaaaaaaaaaaaaaaa' };
const log = [
  { type: 'incident.declared', actor: 'Ana', payload: { title: 'Checkout down', severity: 'SEV1', commander: 'Ana', services: [] } },
  { type: 'role.assigned', actor: 'Ana', actorIdentity: me, payload: { role: 'scribe', person: 'Chen' } },
  { type: 'role.assigned', actor: 'Ana', actorIdentity: me, payload: { role: 'Database expert', person: 'Eli' } },
  { type: 'handover.proposed', actor: 'Ana', actorIdentity: me, payload: { from: 'Ana', to: 'Ben', note: 'Status: Investigating' } },
  { type: 'role.released', actor: 'Ana', actorIdentity: me, payload: { role: 'scribe', person: 'Chen' } },
  { type: 'handover.accepted', actor: 'Ben', actorIdentity: { handle: 'ben', deviceId: 'dev_bbbbbbbbbbbbbbbb' }, payload: { from: 'Ana', to: 'Ben', proposedSeq: 4 } },
].map((e, i) => IncidentEvent.parse({ v: 1, seq: i + 1, ts: at(i), ...e }));

describe('team events', () => {
  it('fold into roles, a pending handover and the commander at every point of the log (playback)', () => {
    expect(projectIncident('inc', log.slice(0, 4))).toMatchObject({ commander: 'Ana', roles: [{ role: 'scribe', person: 'Chen' }, { role: 'Database expert', person: 'Eli' }], handover: { to: 'Ben', seq: 4 } });
    const end = projectIncident('inc', log)!;
    expect(end.commander).toBe('Ben');
    expect(end.handover).toBeUndefined();
    expect(end.roles).toEqual([{ role: 'Database expert', person: 'Eli', since: at(2) }]);
  });

  it('an old log without identities or roles still parses and folds to an empty team', () => {
    const old = IncidentEvent.parse({ v: 1, seq: 1, ts: at(0), actor: 'root', type: 'incident.declared', payload: { title: 'Old one', severity: 'SEV3', commander: 'root', services: [] } });
    expect(old.actorIdentity).toBeUndefined();
    expect(projectIncident('old', [old])).toMatchObject({ commander: 'root', roles: [] });
  });

  it('read as human lines on the timeline and in the review story', () => {
    expect(log.slice(1).map((e) => toTimelineEntry(e).text)).toEqual([
      'Scribe: Chen',
      'Database expert: Eli',
      'Handover of command proposed: Ana → Ben',
      'Chen released the Scribe role',
      'Ben accepted command from Ana',
    ]);
    expect(toTimelineEntry(log[3]!).detail).toBe('Status: Investigating');
    const story = storyLines(log, undefined);
    expect(story).toContain('- 2026-03-01 10:05 UTC — Ben accepted command from Ana');
    expect(story).toContain('- 2026-03-01 10:01 UTC — Scribe: Chen');
  });
});
