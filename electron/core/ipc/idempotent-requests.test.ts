// A mutating request carries a client request id; a retry with the same id gets the original answer and changes nothing twice.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type FirebreakCore } from '../firebreak-core';

let dataDir: string;
let core: FirebreakCore;
const start = () => startCore({ dataDir, assetsDir: join(__dirname, '..', '..', '..', 'assets'), mode: 'browser', version: 'test', operator: 'tester', seedDemo: false, backgroundSync: false });

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-idempotent-'));
  core = await start();
});
afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

const id = (n: number) => `test-request-${String(n).padStart(8, '0')}`;

async function declare(requestId = id(0)): Promise<string> {
  const declared = await core.router.dispatch('incidents.declare', { title: 'Retries', severity: 'SEV3', commander: 'kim' }, { requestId });
  return (declared as { value: { id: string } }).value.id;
}

async function notes(incidentId: string): Promise<unknown[]> {
  const result = (await core.router.dispatch('timeline.events', { incidentId })) as { value: { events: { type: string }[] } };
  return result.value.events.filter((e) => e.type === 'note.added');
}

describe('idempotent requests', () => {
  it('answers a retried note with the original event and stores it once', async () => {
    const incidentId = await declare();
    const first = await core.router.dispatch('incidents.addNote', { incidentId, text: 'once' }, { requestId: id(1) });
    const retry = await core.router.dispatch('incidents.addNote', { incidentId, text: 'once' }, { requestId: id(1) });
    expect(first.ok).toBe(true);
    expect(retry).toEqual(first);
    expect(await notes(incidentId)).toHaveLength(1);
  });

  it('runs concurrent copies of one request once', async () => {
    const incidentId = await declare();
    const answers = await Promise.all(Array.from({ length: 5 }, () => core.router.dispatch('incidents.addNote', { incidentId, text: 'burst' }, { requestId: id(2) })));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(await notes(incidentId)).toHaveLength(1);
  });

  it('answers retries after a restart from the log: the same note event, the same declared incident', async () => {
    const incidentId = await declare(id(3));
    const first = await core.router.dispatch('incidents.addNote', { incidentId, text: 'survives' }, { requestId: id(4) });
    await core.close();
    core = await start();
    expect(await core.router.dispatch('incidents.addNote', { incidentId, text: 'survives' }, { requestId: id(4) })).toEqual(first);
    const redeclared = await core.router.dispatch('incidents.declare', { title: 'Retries', severity: 'SEV3', commander: 'kim' }, { requestId: id(3) });
    expect(redeclared).toMatchObject({ ok: true, value: { id: incidentId, eventCount: 1 } });
    expect((await core.router.dispatch('incidents.list', {})) as { value: unknown[] }).toMatchObject({ value: [{ id: incidentId }] });
    expect(await notes(incidentId)).toHaveLength(1);
  });

  it('refuses an id reused for a different request and a malformed id', async () => {
    const incidentId = await declare();
    await core.router.dispatch('incidents.addNote', { incidentId, text: 'a' }, { requestId: id(5) });
    expect(await core.router.dispatch('incidents.changeSeverity', { incidentId, to: 'SEV1' }, { requestId: id(5) })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/already used for incidents\.addNote/) },
    });
    expect(await core.router.dispatch('incidents.addNote', { incidentId, text: 'b' }, { requestId: 'short' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await notes(incidentId)).toHaveLength(1);
  });

  it('runs a new request id again, and requests without an id as before', async () => {
    const incidentId = await declare();
    await core.router.dispatch('incidents.addNote', { incidentId, text: 'same text' }, { requestId: id(6) });
    await core.router.dispatch('incidents.addNote', { incidentId, text: 'same text' }, { requestId: id(7) });
    await core.router.dispatch('incidents.addNote', { incidentId, text: 'same text' });
    expect(await notes(incidentId)).toHaveLength(3);
  });
});
