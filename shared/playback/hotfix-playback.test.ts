// Playback of the hot-fix track: at every moment the cockpit projection (checkpoints + short replay) holds exactly what the
// hot-fix projection of the events recorded by then says, and earlier checkpoints are never changed by later events.
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, IncidentEvent } from '../events';
import { projectHotfixes } from '../hotfix/hotfix-state';
import { CheckpointedReplay } from './checkpoints';
import { cockpitProjection } from './cockpit-projection';

const FIX = 'f'.repeat(40);
let seq = 0;
const ev = (type: string, payload: unknown, actor = 'ana') => IncidentEvent.parse({ v: EVENT_SCHEMA_VERSION, seq: ++seq, ts: new Date(Date.parse('2026-12-02T10:00:00Z') + seq * 60_000).toISOString(), actor, type, payload });

function track(id: string) {
  return [
    ev('hotfix.opened', { hotfixId: id, service: 'checkout', symptom: 'Timeouts', intendedChange: 'Lower the timeout', severity: 'SEV2', approvalRule: { approvers: 1, cabOnly: false }, cab: [] }),
    ev('hotfix.criteria_checked', { hotfixId: id, met: true, reasons: [], criteria: 'SEV1–SEV2 with customer impact' }, 'firebreak'),
    ev('note.added', { text: 'unrelated note', kind: 'note' }),
    ev('hotfix.rollback_chosen', { hotfixId: id, strategy: 'revert', description: 'reverting the fix' }),
    ev('hotfix.change_linked', { hotfixId: id, refs: ['hotfix/x'], base: { label: 'v1.3.0', sha: 'e'.repeat(40) }, headSha: FIX, commits: [], diffStat: { files: 1, insertions: 1, deletions: 1, modules: ['(root)'], perFile: [] }, flags: [] }),
    ev('hotfix.tests_started', { hotfixId: id, runId: 'tr-1', command: 'npm test', headSha: FIX }),
    ev('hotfix.tests_finished', { hotfixId: id, runId: 'tr-1', outcome: 'failed', exitCode: 1, durationMs: 900 }, 'firebreak'),
    ev('hotfix.tests_overridden', { hotfixId: id, reason: 'known flaky test' }),
    ev('hotfix.approved', { hotfixId: id, approver: 'omar', approved: { headSha: FIX, diff: '1 file', tests: 'failed, overridden', rolloutPlan: 'canary' } }),
  ];
}

describe('hot-fix playback', () => {
  it('shows the track as it stood at each moment', () => {
    seq = 0;
    const events = [ev('incident.declared', { title: 'Checkout timeouts', severity: 'SEV2', commander: 'ana', services: ['checkout'] }), ...track('HF-20261202-1'), ...track('HF-20261202-2')];
    const replay = new CheckpointedReplay(cockpitProjection('inc'), events, 4);
    for (let count = 0; count <= events.length; count++) {
      expect([...replay.stateAfter(count).hotfixes.values()]).toEqual(projectHotfixes(events.slice(0, count)));
    }
    const stages = [3, 7, 8, 9, 10].map((count) => replay.stateAfter(count).hotfixes.get('HF-20261202-1')?.stage);
    expect(stages).toEqual(['open', 'open', 'open', 'open', 'approved']);
    expect(replay.stateAfter(7).hotfixes.get('HF-20261202-1')?.tests?.status).toBe('running');
    expect(replay.stateAfter(8).hotfixes.get('HF-20261202-1')?.tests?.status).toBe('failed');
  });
});
