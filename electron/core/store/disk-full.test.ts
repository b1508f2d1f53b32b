// A full or failing disk never loses an acknowledged event: short writes are completed, a failed batch is not acknowledged and
// its partial bytes are cut back, the incident turns read-only with a clear message, and writing resumes once space is back.
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, readFile, rm, stat, truncate, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../shared/events';
import { IncidentLog, LOG_FILE } from './incident-log';
import { faultyLogFile, type DiskFaults } from './testing/faulty-log-file';

const declared: NewEvent = { type: 'incident.declared', actor: 'ana', payload: { title: 'Disk full', severity: 'SEV2', commander: 'ana', services: [] } };
const note = (text: string): NewEvent => ({ type: 'note.added', actor: 'ana', payload: { text } });
const DISK_FULL = /^The disk is full: free space, then retry\. Nothing after \d\d:\d\d:\d\d was saved\.$/;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-disk-full-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('an incident log on a failing disk', () => {
  it('completes short writes instead of acknowledging half an event', async () => {
    const log = await IncidentLog.open(dir, { openFile: faultyLogFile({ maxBytesPerWrite: 7 }) });
    await log.append([declared]);
    const stored = await Promise.all([log.append([note('x'.repeat(500))]), log.append([note('second')])]);
    expect(stored.flat().map((e) => e.seq)).toEqual([2, 3]);
    await log.close();
    const reopened = await IncidentLog.open(dir);
    expect(reopened.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(reopened.problems).toEqual([]);
    await reopened.close();
  });

  it('acknowledges nothing on ENOSPC, cuts the partial bytes back, turns read-only and resumes once space is back', async () => {
    const faults: DiskFaults = {};
    const log = await IncidentLog.open(dir, { openFile: faultyLogFile(faults) });
    await log.append([declared]);
    await log.append([note('saved before the disk filled')]);
    const before = await readFile(join(dir, LOG_FILE));

    Object.assign(faults, { maxBytesPerWrite: 4096, failAfterBytes: 4096, failWith: 'ENOSPC' });
    const lost = log.append([note('y'.repeat(15_000))]);
    const queued = log.append([note('queued behind it')]);
    await expect(lost).rejects.toThrow(DISK_FULL);
    await expect(queued).rejects.toThrow(DISK_FULL);
    expect(await readFile(join(dir, LOG_FILE))).toEqual(before);
    expect(log.writeProblem?.message).toMatch(DISK_FULL);
    expect(log.lastSeq).toBe(2);

    // Still full: a retry is refused the same way and leaves the file as it was.
    await expect(log.append([note('retry while full')])).rejects.toThrow(DISK_FULL);
    expect(await readFile(join(dir, LOG_FILE))).toEqual(before);

    // Space is back: the next write succeeds with the next sequence number and the incident is writable again.
    Object.assign(faults, { maxBytesPerWrite: undefined, failAfterBytes: undefined, failWith: undefined });
    const [resumed] = await log.append([note('after freeing space')]);
    expect(resumed!.seq).toBe(3);
    expect(log.writeProblem).toBeUndefined();
    await log.close();

    const reopened = await IncidentLog.open(dir);
    expect(reopened.problems).toEqual([]);
    expect(reopened.events.map((e) => [e.seq, e.type === 'note.added' ? e.payload.text : e.type])).toEqual([
      [1, 'incident.declared'],
      [2, 'saved before the disk filled'],
      [3, 'after freeing space'],
    ]);
    await reopened.close();
  });

  it('treats EIO like a full disk: nothing acknowledged, nothing partial left', async () => {
    const faults: DiskFaults = {};
    const log = await IncidentLog.open(dir, { openFile: faultyLogFile(faults) });
    await log.append([declared]);
    const before = await readFile(join(dir, LOG_FILE));
    Object.assign(faults, { failAfterBytes: 10, failWith: 'EIO' });
    await expect(log.append([note('lost to EIO')])).rejects.toThrow(/The disk reported an error \(EIO\)/);
    expect(await readFile(join(dir, LOG_FILE))).toEqual(before);
    await log.close();
  });
});

describe('an incident log on a real full file system (tmpfs, needs root)', () => {
  let mountPoint: string | undefined;
  let skipReason: string | undefined;
  beforeEach(async () => {
    const candidate = await mkdtemp(join(tmpdir(), 'firebreak-tmpfs-'));
    try {
      if (process.platform !== 'linux' || process.getuid?.() !== 0) throw new Error('the test does not run as root on Linux');
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', candidate], { stdio: 'pipe' });
      mountPoint = candidate;
    } catch (e) {
      skipReason = `Skipped: mounting a small tmpfs failed (${(e as Error).message.split('\n')[0]}).`;
      await rm(candidate, { recursive: true, force: true });
    }
  });
  afterEach(async () => {
    if (!mountPoint) return;
    try {
      execFileSync('umount', [mountPoint], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['--lazy', mountPoint], { stdio: 'pipe' });
    }
    await rm(mountPoint, { recursive: true, force: true });
    mountPoint = undefined;
  });

  it('refuses a note that does not fit, keeps every acknowledged one, and accepts notes again once space is freed', async (context) => {
    if (!mountPoint) {
      console.warn(skipReason);
      context.skip();
      return;
    }
    const incidentDir = join(mountPoint, 'incident');
    const log = await IncidentLog.open(incidentDir);
    await log.append([declared]);
    await log.append([note('saved before the disk filled')]);
    const logFile = join(incidentDir, LOG_FILE);
    const before = await readFile(logFile);

    // Fill the file system, then free 4 KiB: a 15 kB note gets a short write followed by ENOSPC.
    const filler = join(mountPoint, 'filler.bin');
    const handle = await open(filler, 'w');
    const chunk = Buffer.alloc(4096, 1);
    try {
      for (;;) await handle.write(chunk);
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    await handle.close();
    await truncate(filler, Math.max(0, (await stat(filler)).size - 4096));

    await expect(log.append([note('z'.repeat(15_000))])).rejects.toThrow(DISK_FULL);
    await expect(log.append([note('a retry that still does not fit '.repeat(500))])).rejects.toThrow(DISK_FULL);
    expect(await readFile(logFile)).toEqual(before);

    await unlink(filler);
    const [resumed] = await log.append([note('after freeing space')]);
    expect(resumed!.seq).toBe(3);
    await log.close();

    const reopened = await IncidentLog.open(incidentDir);
    expect(reopened.problems).toEqual([]);
    expect(reopened.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    await reopened.close();
  });
});
