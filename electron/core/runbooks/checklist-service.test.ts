// Checklist use cases through the real core router: attach a shipped runbook, work its steps, and replay the log after a restart.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import type { Result } from '../../../shared/result';
import { projectChecklists, type RunbookChecklist } from '../../../shared/runbooks/checklist';
import { toTimelineEntry } from '../../../shared/timeline/describe-event';
import { startCore, type FirebreakCore } from '../firebreak-core';

const assetsDir = resolve(__dirname, '..', '..', '..', 'assets');
let dataDir: string;
let core: FirebreakCore;

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = (await core.router.dispatch(channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
const start = () => startCore({ dataDir, assetsDir, mode: 'browser', version: 'test', operator: 'ana', seedDemo: false });

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-checklist-'));
  core = await start();
});
afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('runbook checklists in an incident', () => {
  it('ships every default runbook without problems and advertises the capability', async () => {
    const { runbooks } = await call<{ runbooks: { title: string; problems: unknown[]; stepCount: number }[] }>('runbooks.list', {});
    expect(runbooks.map((r) => r.title.split(' — ')[0])).toEqual([
      'Bad deploy',
      'Certificate expiry',
      'Database saturation',
      'Dependency outage',
      'Hot-fix lifecycle',
      'Traffic spike',
    ]);
    for (const r of runbooks) {
      expect(r.problems).toEqual([]);
      expect(r.stepCount).toBeGreaterThan(5);
    }
    expect((await call<{ capabilities: string[] }>('app.info', {})).capabilities).toContain('runbooks');
    const hits = await call<{ hits: { runbook: { id: string } }[] }>('runbooks.search', { query: 'hotfix canry' });
    expect(hits.hits[0]!.runbook.id).toBe('local/hot-fix-lifecycle');
  });

  it('attaches a runbook, records every step change as an event, and replays it after a restart', async () => {
    const incident = await call<{ id: string }>('incidents.declare', { title: 'Checkout errors', severity: 'SEV2', commander: 'ana', services: ['checkout-api'] });
    const incidentId = incident.id;
    const runbookId = 'local/bad-deploy';
    const attached = await call<RunbookChecklist>('runbooks.attach', { incidentId, runbookId });
    expect(attached.progress).toMatchObject({ done: 0, total: 10, percent: 0 });
    expect(attached.steps.find((s) => s.action === 'rollback')).toBeDefined();

    await call('runbooks.checkStep', { incidentId, runbookId, stepId: 'step-1' });
    await call('runbooks.skipStep', { incidentId, runbookId, stepId: 'step-2', reason: 'Single version running' });
    await call('runbooks.assignStep', { incidentId, runbookId, stepId: 'step-3', owner: 'ben' });
    await call('runbooks.noteStep', { incidentId, runbookId, stepId: 'step-3', text: 'Rollout paused at 40%' });
    await call('runbooks.checkStep', { incidentId, runbookId, stepId: 'step-4' });
    const list = await call<RunbookChecklist>('runbooks.uncheckStep', { incidentId, runbookId, stepId: 'step-4' });
    expect(list.progress).toMatchObject({ done: 1, skipped: 1, total: 10, percent: 20 });

    await expect(call('runbooks.checkStep', { incidentId, runbookId, stepId: 'step-1' })).rejects.toThrow(/conflict: .*already checked/);
    await expect(call('runbooks.attach', { incidentId, runbookId })).rejects.toThrow(/conflict: .*already attached/);
    await expect(call('runbooks.checkStep', { incidentId, runbookId: 'local/traffic-spike', stepId: 'step-1' })).rejects.toThrow(/not_found: .*attach it first/);
    await expect(call('runbooks.skipStep', { incidentId, runbookId, stepId: 'step-5', reason: '  ' })).rejects.toThrow(/validation: .*Say why/);

    const { events } = await call<{ events: IncidentEvent[] }>('timeline.events', { incidentId });
    const lines = events.filter((e) => e.type.startsWith('runbook.')).map((e) => toTimelineEntry(e));
    expect(lines.map((l) => l.source)).toEqual(Array(7).fill('runbooks'));
    expect(lines[2]!.text).toMatch(/^Skipped “.*” in Bad deploy: Single version running$/);

    await core.close();
    core = await start();
    const replayed = await call<RunbookChecklist[]>('runbooks.checklists', { incidentId });
    expect(replayed).toEqual([list]);
    expect(projectChecklists(events)).toEqual([list]);
    expect(replayed[0]!.steps[2]).toMatchObject({ owner: 'ben', notes: [{ actor: 'ana', text: 'Rollout paused at 40%' }] });
  });

  it('refuses a runbook without steps and an unknown incident', async () => {
    const incident = await call<{ id: string }>('incidents.declare', { title: 'Empty runbook', severity: 'SEV3', commander: 'ana' });
    await writeFile(join(dataDir, 'runbooks', 'notes.md'), '---\ntitle: Just notes\n---\nNo steps here.\n');
    await call('runbooks.list', {});
    await expect(call('runbooks.attach', { incidentId: incident.id, runbookId: 'local/notes' })).rejects.toThrow(/validation: Just notes has no steps/);
    await expect(call('runbooks.attach', { incidentId: 'no-such-incident', runbookId: 'local/bad-deploy' })).rejects.toThrow(/not_found/);
  });
});

describe('library sync settings through the router', () => {
  it('rejects option-like repository URLs and bad branch names before git ever runs', async () => {
    await expect(call('runbooks.configureSync', { source: { kind: 'git', url: '--upload-pack=touch /tmp/x' } })).rejects.toThrow(/validation: .*cannot start with "-"/);
    await expect(call('runbooks.configureSync', { source: { kind: 'git', url: '/srv/runbooks.git', branch: '-x' } })).rejects.toThrow(/validation: .*Not a branch name/);
    const status = await call<{ source: { kind: string }; total: number }>('runbooks.library', {});
    expect(status.source).toEqual({ kind: 'none' });
    expect(status.total).toBe(6);
  });
});
