// Tests for the runbook library: seeding, bundled vs. local copies, broken files listed with problems, filters, search, rendering.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunbookLibrary } from './runbook-library';

let root: string;
let dataDir: string;
let assetsDir: string;
const now = () => new Date('2026-01-01T10:00:00Z');

const runbook = (title: string, extra = '', body = '- [ ] First step\n- [ ] Second step\n') => `---\ntitle: ${title}\n${extra}---\n${body}`;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'firebreak-library-'));
  dataDir = join(root, 'data');
  assetsDir = join(root, 'assets');
  await mkdir(join(assetsDir, 'runbooks', 'db'), { recursive: true });
  await writeFile(join(assetsDir, 'runbooks', 'bad-deploy.md'), runbook('Bad deploy', 'services: [checkout-api]\nseverities: [SEV1]\ntags: [deploy]\n'));
  await writeFile(join(assetsDir, 'runbooks', 'db', 'saturation.md'), runbook('Database saturation', 'services: [postgres]\nseverities: [SEV2]\ntags: [database]\n'));
  await writeFile(join(assetsDir, 'runbooks', 'README.md'), '# not a runbook');
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('RunbookLibrary', () => {
  it('seeds the user folder from the bundled runbooks once, and the local copies replace the bundled ones', async () => {
    const library = await RunbookLibrary.open({ dataDir, assetsDir, now });
    const { runbooks, facets, library: status } = library.list({});
    expect(runbooks.map((r) => r.id)).toEqual(['local/bad-deploy', 'local/db/saturation']);
    expect(facets).toEqual({ services: ['checkout-api', 'postgres'], severities: ['SEV1', 'SEV2'], tags: ['database', 'deploy'] });
    expect(status.folders.map((f) => [f.origin, f.count])).toEqual([
      ['local', 2],
      ['bundled', 0],
    ]);

    await rm(join(dataDir, 'runbooks', 'bad-deploy.md'));
    const reopened = await RunbookLibrary.open({ dataDir, assetsDir, now });
    expect(reopened.list({}).runbooks.map((r) => r.id)).toEqual(['bundled/bad-deploy', 'local/db/saturation']);
  });

  it('opened lazily, reads no runbook until the first request, then serves what an eager open serves', async () => {
    const lazy = await RunbookLibrary.open({ dataDir, assetsDir, now }, { lazy: true });
    const changes: number[] = [];
    lazy.onChange(() => changes.push(1));
    expect(lazy.status().total).toBe(0);
    await lazy.ready();
    const eager = await RunbookLibrary.open({ dataDir, assetsDir, now });
    expect(lazy.list({})).toEqual(eager.list({}));
    expect(lazy.search('saturation', {}, 10)).toEqual(eager.search('saturation', {}, 10));
    // The first scan changes nothing the user has seen: no change is announced for it; a later edit is.
    expect(changes).toEqual([]);
    await writeFile(join(dataDir, 'runbooks', 'new.md'), runbook('New one', 'services: [api]\n'));
    await lazy.refresh();
    expect(changes).toEqual([1]);
  });

  it('lists a broken runbook with its problem and leaves the rest of the library working', async () => {
    const library = await RunbookLibrary.open({ dataDir, assetsDir, now });
    await writeFile(join(dataDir, 'runbooks', 'broken.md'), '---\ntitle: [unclosed\n---\n# Broken runbook\n- [ ] step\n');
    await library.refresh();
    const { runbooks, library: status } = library.list({});
    const broken = runbooks.find((r) => r.id === 'local/broken')!;
    expect(broken.title).toBe('Broken runbook');
    expect(broken.problems[0]!.message).toMatch(/not valid YAML/);
    expect(runbooks).toHaveLength(3);
    expect(status.withProblems).toBe(1);
    expect(library.search('saturation', {}, 10).map((h) => h.runbook.id)).toEqual(['local/db/saturation']);
  });

  it('filters by service, severity and tag, and searches with filters', async () => {
    const library = await RunbookLibrary.open({ dataDir, assetsDir, now });
    expect(library.list({ service: 'postgres' }).runbooks.map((r) => r.title)).toEqual(['Database saturation']);
    expect(library.list({ severity: 'SEV1' }).runbooks.map((r) => r.title)).toEqual(['Bad deploy']);
    expect(library.list({ tag: 'DEPLOY' }).runbooks.map((r) => r.title)).toEqual(['Bad deploy']);
    expect(library.search('step', {}, 10)).toHaveLength(2);
    expect(library.search('step', { tag: 'database' }, 10).map((h) => h.runbook.title)).toEqual(['Database saturation']);
    expect(library.search('stp', {}, 10)).toEqual([]);
  });

  it('picks up edits on rescan and keeps the content version in step with the text', async () => {
    const library = await RunbookLibrary.open({ dataDir, assetsDir, now });
    const before = library.entry('local/bad-deploy').summary.version;
    await writeFile(join(dataDir, 'runbooks', 'bad-deploy.md'), runbook('Bad deploy v2', '', '- [ ] Only step\n'));
    await library.refresh();
    const after = library.entry('local/bad-deploy').summary;
    expect(after.title).toBe('Bad deploy v2');
    expect(after.stepCount).toBe(1);
    expect(after.version).not.toBe(before);
    expect(after.version).toMatch(/^sha256:[0-9a-f]{12}$/);
  });

  it('renders a runbook safely and says plainly when one is missing', async () => {
    const library = await RunbookLibrary.open({ dataDir, assetsDir, now });
    await writeFile(join(dataDir, 'runbooks', 'x.md'), runbook('X', '', '<script>alert(1)</script>\n\n```sh\necho hi\n```\n- [ ] Go'));
    await library.refresh();
    const detail = library.get('local/x');
    expect(detail.html).not.toContain('<script>');
    expect(detail.html).toContain('data-copy-code');
    expect(detail.steps).toEqual([{ id: 'step-1', text: 'Go' }]);
    expect(() => library.get('local/nope')).toThrow(/No runbook local\/nope/);
  });

  it('reads a configured folder, rejects a relative or missing one, and keeps showing it when it goes away', async () => {
    const library = await RunbookLibrary.open({ dataDir, assetsDir, now });
    await expect(library.configure({ kind: 'folder', path: 'relative/path' })).rejects.toThrow(/absolute/);
    await expect(library.configure({ kind: 'folder', path: join(root, 'missing') })).rejects.toThrow(/not a folder/);
    const team = join(root, 'team');
    await mkdir(team);
    await writeFile(join(team, 'failover.md'), runbook('Region failover'));
    const status = await library.configure({ kind: 'folder', path: team });
    expect(status.lastSync).toEqual({ at: now().toISOString() });
    expect(library.list({}).runbooks.map((r) => r.id)).toContain('folder/failover');
    await rm(team, { recursive: true });
    const after = await library.syncNow();
    expect(after.lastAttempt).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/not reachable/) });
    expect(library.list({}).runbooks.map((r) => r.id)).toContain('folder/failover');
    const saved = JSON.parse(await readFile(join(dataDir, 'runbook-library.json'), 'utf8'));
    expect(saved.source).toEqual({ kind: 'folder', path: team });
  });
});
