// One process owns a data directory: a second browser host on it says in one line who holds it and exits; once the holder is
// gone (even killed, leaving its lock behind) the next host takes the directory over.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_FILE, lockDataDir } from './data-dir-lock';

const WEB_ENTRY = join(__dirname, '..', 'host', 'web-entry.ts');

interface Host {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
}

function startHost(dataDir: string): Host {
  const child = spawn(process.execPath, ['--import', 'tsx', WEB_ENTRY, '--data-dir', dataDir, '--port', '0'], {
    env: { ...process.env, FIREBREAK_VAULT_KEY: 'a'.repeat(64) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const host: Host = { child, stdout: '', stderr: '', exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal))) };
  child.stdout!.on('data', (d: Buffer) => (host.stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (host.stderr += d.toString()));
  return host;
}

const running = (host: Host) => expect.poll(() => host.stdout, { timeout: 60_000, interval: 100 }).toMatch(/Firebreak is running at http:\/\/127\.0\.0\.1:\d+\//);

let dataDir: string;
const hosts: Host[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-lock-'));
});
afterEach(async () => {
  for (const h of hosts.splice(0)) if (h.child.exitCode === null && h.child.signalCode === null) h.child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('a data directory shared by two hosts', () => {
  it('lets only one browser host own it; the second says who holds it and exits; a killed holder is taken over', { timeout: 180_000 }, async () => {
    const first = startHost(dataDir);
    hosts.push(first);
    await running(first);

    const second = startHost(dataDir);
    hosts.push(second);
    expect(await second.exited).toBe(1);
    const said = second.stderr.trim().split('\n');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(new RegExp(`is in use by Firebreak \\(browser mode, pid ${first.child.pid} on ${hostname()}, running since \\d{4}-\\d\\d-\\d\\dT`));
    expect(second.stdout).not.toMatch(/is running at/);

    // The holder dies without releasing: its lock stays, names a dead pid, and the next host takes over.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: first.child.pid });
    const third = startHost(dataDir);
    hosts.push(third);
    await running(third);
    expect(JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: third.child.pid, host: hostname(), mode: 'browser' });

    // A clean stop releases the directory.
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    await expect(stat(join(dataDir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('lockDataDir', () => {
  it('refuses a second owner in the same process and frees the directory on release', async () => {
    const lock = await lockDataDir(dataDir, 'desktop');
    await expect(lockDataDir(dataDir, 'browser')).rejects.toBeInstanceOf(DataDirInUseError);
    await lock.release();
    const again = await lockDataDir(dataDir, 'browser');
    await again.release();
  });
});
