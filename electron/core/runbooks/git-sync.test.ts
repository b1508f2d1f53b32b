// Sync tests against a real temporary git remote: clone, pull, offline (remote removed), and local edits that are kept and reported.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGit } from './git-sync';
import { RunbookLibrary } from './runbook-library';

let root: string;
let remote: string;
let author: string;
let dataDir: string;
let clock: Date;
const now = () => clock;
const who = ['-c', 'user.name=Runbook Author', '-c', 'user.email=author@example.com', '-c', 'commit.gpgsign=false'];

const runbook = (title: string, step = 'Do the thing') => `---\ntitle: ${title}\ntags: [team]\n---\n- [ ] ${step}\n`;

async function publish(file: string, text: string, message: string): Promise<string> {
  await writeFile(join(author, file), text);
  await runGit([...who, 'add', file], author);
  await runGit([...who, 'commit', '-q', '-m', message], author);
  await runGit(['push', '-q', 'origin', 'main'], author);
  return (await runGit(['rev-parse', 'HEAD'], author)).trim();
}

const ids = (library: RunbookLibrary) =>
  library
    .list({})
    .runbooks.map((r) => r.id)
    .filter((id) => id.startsWith('git/'));

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'firebreak-sync-'));
  remote = join(root, 'remote.git');
  author = join(root, 'author');
  dataDir = join(root, 'data');
  clock = new Date('2026-01-01T10:00:00Z');
  await runGit(['init', '-q', '--bare', '--initial-branch=main', remote]);
  await runGit(['clone', '-q', remote, author]);
  await runGit(['checkout', '-q', '-b', 'main'], author);
  await publish('failover.md', runbook('Region failover'), 'Add failover runbook');
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function openSynced(): Promise<{ library: RunbookLibrary; gitDir: string }> {
  const library = await RunbookLibrary.open({ dataDir, assetsDir: join(root, 'no-assets'), now });
  const status = await library.configure({ kind: 'git', url: remote });
  expect(status.lastAttempt?.outcome).toBe('cloned');
  return { library, gitDir: library.gitDir };
}

describe('git runbook library', () => {
  it('clones, then pulls new commits and records when and at which commit it synced', async () => {
    const { library } = await openSynced();
    expect(ids(library)).toEqual(['git/failover']);
    const first = library.status().lastSync!;
    expect(first.at).toBe('2026-01-01T10:00:00.000Z');
    expect(library.entry('git/failover').summary.version).toMatch(new RegExp(`^git:${first.commit!.slice(0, 12)} sha256:`));

    const head = await publish('dns.md', runbook('DNS outage'), 'Add DNS runbook');
    clock = new Date('2026-01-01T11:00:00Z');
    const status = await library.syncNow();
    expect(status.lastAttempt).toMatchObject({ outcome: 'pulled', message: expect.stringMatching(/Pulled 1 commit/) });
    expect(status.lastSync).toEqual({ at: '2026-01-01T11:00:00.000Z', commit: head });
    expect(ids(library)).toEqual(['git/dns', 'git/failover']);

    expect((await library.syncNow()).lastAttempt?.outcome).toBe('up_to_date');
  });

  it('keeps browsing the last pulled copy when the remote is gone, also after a restart', async () => {
    const { library } = await openSynced();
    const lastSync = library.status().lastSync;
    await rm(remote, { recursive: true, force: true });
    clock = new Date('2026-01-01T12:00:00Z');
    const status = await library.syncNow();
    expect(status.lastAttempt).toMatchObject({ outcome: 'offline', at: '2026-01-01T12:00:00.000Z' });
    expect(status.lastSync).toEqual(lastSync);
    expect(ids(library)).toEqual(['git/failover']);

    const restarted = await RunbookLibrary.open({ dataDir, assetsDir: join(root, 'no-assets'), now });
    expect(ids(restarted)).toEqual(['git/failover']);
    restarted.pullInBackground((e) => {
      throw e;
    });
    expect((await restarted.syncNow()).lastAttempt?.outcome).toBe('offline');
    expect(restarted.search('failvoer', {}, 5).map((h) => h.runbook.id)).toEqual(['git/failover']);
    expect(restarted.status().lastSync).toEqual(lastSync);
  });

  it('reports uncommitted local edits that a pull would overwrite, and keeps them', async () => {
    const { library, gitDir } = await openSynced();
    const localText = runbook('Region failover', 'Our local tweak');
    await writeFile(join(gitDir, 'failover.md'), localText);
    const before = library.status().lastSync;
    await publish('failover.md', runbook('Region failover', 'Upstream change'), 'Change failover');
    const status = await library.syncNow();
    expect(status.lastAttempt).toMatchObject({ outcome: 'diverged', localChanges: ['failover.md'], message: expect.stringMatching(/kept/) });
    expect(status.lastSync).toEqual(before);
    expect(await readFile(join(gitDir, 'failover.md'), 'utf8')).toBe(localText);
    expect(library.get('git/failover').steps[0]!.text).toBe('Our local tweak');
  });

  it('reports diverged local commits without losing them', async () => {
    const { library, gitDir } = await openSynced();
    await writeFile(join(gitDir, 'local.md'), runbook('Local only'));
    await runGit([...who, 'add', 'local.md'], gitDir);
    await runGit([...who, 'commit', '-q', '-m', 'Local runbook'], gitDir);
    const localHead = (await runGit(['rev-parse', 'HEAD'], gitDir)).trim();
    await publish('dns.md', runbook('DNS outage'), 'Add DNS runbook');
    const status = await library.syncNow();
    expect(status.lastAttempt).toMatchObject({ outcome: 'diverged', message: expect.stringMatching(/1 commit\(s\) that origin\/main does not have/) });
    expect((await runGit(['rev-parse', 'HEAD'], gitDir)).trim()).toBe(localHead);
    expect(ids(library).sort()).toEqual(['git/failover', 'git/local']);
  });

  it('pulls past local edits to other files and lists them as kept', async () => {
    const { library, gitDir } = await openSynced();
    await writeFile(join(gitDir, 'draft.md'), runbook('Draft'));
    await publish('dns.md', runbook('DNS outage'), 'Add DNS runbook');
    const status = await library.syncNow();
    expect(status.lastAttempt).toMatchObject({ outcome: 'pulled', localChanges: ['draft.md'] });
    expect(ids(library)).toEqual(['git/dns', 'git/draft', 'git/failover']);
  });

  it('refuses command transports and moves a clone of another repository aside instead of deleting it', async () => {
    const { library, gitDir } = await openSynced();
    const marker = join(root, 'pwned');
    const status = await library.configure({ kind: 'git', url: `ext::sh -c touch% ${marker}` });
    expect(status.lastAttempt?.outcome).toMatch(/failed|offline/);
    await expect(stat(marker)).rejects.toThrow();
    expect((await readdir(dataDir)).some((n) => n.startsWith('runbook-library.replaced-'))).toBe(true);
    expect(gitDir).toBe(join(dataDir, 'runbook-library'));
  });
});
