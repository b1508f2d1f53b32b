// The store recognises a retried request from the events that carry its id. Opening a log indexes only its in-memory tail
// (a retry concerns the newest events), never a pass over the whole file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { NewEvent } from '../../../shared/events';
import { runAsRequest } from '../ipc/request-context';
import { IncidentLog } from './incident-log';
import { IncidentStore } from './incident-store';

const note = (text: string): NewEvent => ({ type: 'note.added', actor: 'ana', payload: { text } });
const id = '2026-01-01-retry-aaaaaa';
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-requests-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dataDir, { recursive: true, force: true });
});

it('after a reopen, recognises the requests of the in-memory tail without reading older events from the file', async () => {
  const writer = await IncidentStore.open(dataDir);
  await writer.create(id, { type: 'incident.declared', actor: 'ana', payload: { title: 'Retry', severity: 'SEV2', commander: 'ana', services: [] } });
  for (let i = 1; i <= 20; i++) await runAsRequest(`request-${String(i).padStart(8, '0')}`, () => writer.append(id, [note(`note ${i}`)]));
  await writer.close();

  const readFromFile = vi.spyOn(IncidentLog.prototype, 'readChunks');
  const store = await IncidentStore.open(dataDir, { hotEvents: 4 });
  try {
    // Every readChunks call at open started inside the in-memory tail (seq 18 on: the newest 4 of 21 events).
    expect(readFromFile.mock.calls.every(([from]) => (from ?? 1) >= 18)).toBe(true);
    expect(store.committedRequest('request-00000020')).toEqual({ incidentId: id, seqs: [21] });
    expect(store.committedRequest('request-00000017')).toEqual({ incidentId: id, seqs: [18] });
    expect(store.committedRequest('request-00000016')).toBeUndefined();
    // Requests served after the reopen are recognised as before.
    await runAsRequest('request-00000021', () => store.append(id, [note('note 21')]));
    expect(store.committedRequest('request-00000021')).toEqual({ incidentId: id, seqs: [22] });
  } finally {
    await store.close();
  }
});
