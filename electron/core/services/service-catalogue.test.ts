// Tests for the service catalogue file: validation messages, atomic writes, unknown keys preserved, broken files never overwritten.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/result';
import { ServiceCatalogue } from './service-catalogue';

let dir: string;
let catalogue: ServiceCatalogue;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fb-services-'));
  catalogue = ServiceCatalogue.inDataDir(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const checkout = {
  name: 'checkout',
  git: { clonePath: '/srv/checkout', remote: { name: 'origin' } },
  deploy: { branch: 'main', releaseTagPattern: 'v*' },
  rollback: { strategies: [{ kind: 'revert' }, { kind: 'move-ref' }] },
  health: { promql: 'sum(rate(http_errors_total[1m]))', threshold: 0.5, windowSeconds: 60 },
};

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const e: unknown = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('ServiceCatalogue', () => {
  it('is empty without a file and creates it on the first put', async () => {
    expect(await catalogue.list()).toEqual([]);
    await catalogue.put(checkout);
    const listed = await catalogue.list();
    expect(listed.map((s) => s.name)).toEqual(['checkout']);
    expect(listed[0]!.health?.threshold).toBe(0.5);
    expect((await catalogue.get('CHECKOUT')).deploy?.branch).toBe('main');
  });

  it('keeps unknown keys at the top, in entries and nested objects, and replaces entries by name', async () => {
    await writeFile(catalogue.file, JSON.stringify({ version: 3, services: [{ ...checkout, metrics: { panels: ['p99'] }, git: { ...checkout.git, mirror: 'x' } }] }));
    await catalogue.put({ name: 'search', rollback: { strategies: [{ kind: 'command', command: 'helm', args: ['rollback', 'search'] }] } });
    const raw = JSON.parse(await readFile(catalogue.file, 'utf8')) as { version: number; services: Record<string, unknown>[] };
    expect(raw.version).toBe(3);
    expect(raw.services[0]!.metrics).toEqual({ panels: ['p99'] });
    expect((raw.services[0]!.git as { mirror: string }).mirror).toBe('x');
    const parsed = await catalogue.get('checkout');
    expect((parsed as Record<string, unknown>).metrics).toEqual({ panels: ['p99'] });
    await catalogue.put({ ...checkout, deploy: { branch: 'release' } });
    expect((await catalogue.list()).map((s) => [s.name, s.deploy?.branch])).toEqual([
      ['checkout', 'release'],
      ['search', undefined],
    ]);
  });

  it('rejects invalid entries with the field path', async () => {
    const noGit = await rejection(catalogue.put({ name: 'x', rollback: { strategies: [{ kind: 'revert' }] } }));
    expect(noGit.code).toBe('validation');
    expect(noGit.details).toEqual(expect.arrayContaining([expect.stringContaining('git: A git repository is required for revert')]));
    const relative = await rejection(catalogue.put({ ...checkout, git: { clonePath: 'repo' } }));
    expect(relative.message).toContain('git.clonePath: The clone path must be absolute');
    const both = await rejection(catalogue.put({ ...checkout, deploy: { branch: 'main', tag: 'prod' } }));
    expect(both.message).toContain('exactly one of deploy.branch or deploy.tag');
    const revertOnTag = await rejection(catalogue.put({ ...checkout, deploy: { tag: 'prod' } }));
    expect(revertOnTag.message).toContain('needs a deploy branch');
    const badUrl = await rejection(catalogue.put({ name: 'flags', rollback: { strategies: [{ kind: 'kill-switch', url: 'file:///etc/passwd' }] } }));
    expect(badUrl.message).toContain('http(s)');
    const optionLike = await rejection(catalogue.put({ ...checkout, deploy: { branch: '--upload-pack=evil' } }));
    expect(optionLike.message).toContain('deploy.branch');
  });

  it('reports a broken file with every problem and never overwrites it', async () => {
    await writeFile(catalogue.file, '{"services": [ {"name": "a"}, {"name": "a"} ]}');
    const e = await rejection(catalogue.list());
    expect(e.message).toContain('defined twice');
    await writeFile(catalogue.file, '{ not json');
    expect((await rejection(catalogue.list())).message).toContain('not valid JSON');
    const put = await rejection(catalogue.put(checkout));
    expect(put.code).toBe('conflict');
    expect(await readFile(catalogue.file, 'utf8')).toBe('{ not json');
  });

  it('removes by name and reports unknown names', async () => {
    await catalogue.put(checkout);
    await catalogue.remove('checkout');
    expect(await catalogue.list()).toEqual([]);
    expect((await rejection(catalogue.remove('checkout'))).code).toBe('not_found');
    expect((await rejection(catalogue.get('nope'))).code).toBe('not_found');
  });
});
