import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractBundleJson, type ReviewBundle } from '../../../shared/review/bundle-format';
import { IncidentStore } from '../store/incident-store';
import { buildBundle, bundleHtml } from './bundle-export';
import { importBundle, readBundle } from './bundle-import';

let root: string;
let rendererDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'firebreak-bundle-'));
  rendererDir = join(root, 'renderer');
  const single = join(rendererDir, 'review-bundle');
  await mkdir(join(single, 'assets'), { recursive: true });
  await writeFile(
    join(single, 'index.html'),
    '<html><head><script type="module" crossorigin src="./assets/index-abc.js"></script>\n<link rel="stylesheet" crossorigin href="./assets/index-abc.css"></head><body></body></html>',
  );
  await writeFile(join(single, 'assets', 'index-abc.js'), 'console.log("cockpit </script> here")');
  await writeFile(join(single, 'assets', 'index-abc.css'), 'body{color:red}');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function exportedIncident(): Promise<{ html: string; bundle: ReviewBundle }> {
  const store = await IncidentStore.open(join(root, 'source'));
  await store.create('2026-01-01-db-down-abc123', { type: 'incident.declared', actor: 'ana', payload: { title: 'DB <down>', severity: 'SEV1', commander: 'ana', services: ['db'] } });
  await store.append('2026-01-01-db-down-abc123', [{ type: 'note.added', actor: 'ana', payload: { text: 'Failover started </script><script>alert(1)</script>' } }]);
  await mkdir(join(store.incidentsDir, '2026-01-01-db-down-abc123', 'metrics'), { recursive: true });
  await writeFile(join(store.incidentsDir, '2026-01-01-db-down-abc123', 'metrics', 'segment-1.json'), '{"points":[[1,2]]}');
  const bundle = await buildBundle(store, '2026-01-01-db-down-abc123', { exportedBy: 'ana', appVersion: 'test' });
  await store.close();
  return { bundle, html: await bundleHtml(bundle, rendererDir) };
}

describe('review bundle', () => {
  it('is one HTML file with the cockpit inlined under a hash-pinned CSP and the bundle data escaped', async () => {
    const { html, bundle } = await exportedIncident();
    expect(html).not.toContain('src="./assets');
    expect(html).toContain('body{color:red}');
    const inline = /<script type="module">([\s\S]*)<\/script>/.exec(html)![1]!;
    expect(inline).toContain('<\\/script> here');
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("connect-src 'none'");
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('<title>Review: DB &#60;down&#62; — Firebreak</title>');
    expect(JSON.parse(extractBundleJson(html)!)).toEqual(bundle);
    expect(bundle.files.map((f) => f.path)).toEqual(['metrics/segment-1.json']);
  });

  it('refuses a cockpit build that is split into chunks, which an offline file could not load', async () => {
    await writeFile(
      join(rendererDir, 'review-bundle', 'index.html'),
      '<html><head><script type="module" crossorigin src="./assets/index-abc.js"></script>\n<link rel="modulepreload" crossorigin href="./assets/vendor-abc.js"></head><body></body></html>',
    );
    await expect(exportedIncident()).rejects.toThrow(/not a single script; run `npm run build`/);
  });

  it('imports into a fresh data directory with the same events and captured files', async () => {
    const { html, bundle } = await exportedIncident();
    const target = await IncidentStore.open(join(root, 'target'));
    const id = await importBundle(target, html, false);
    expect(id).toBe(bundle.incident.id);
    const events = target.get(id).log!.events;
    expect(events).toEqual(bundle.events.trim().split('\n').map((l) => JSON.parse(l) as unknown));
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(join(target.incidentsDir, id, 'metrics', 'segment-1.json'), 'utf8')).toBe('{"points":[[1,2]]}');

    // Never overwrites silently: a second import is refused unless it is a copy.
    await expect(importBundle(target, html, false)).rejects.toMatchObject({ code: 'conflict' });
    const copy = await importBundle(target, html, true);
    expect(copy).toMatch(/^2026-01-01-db-down-abc123-copy-[0-9a-f]{4}$/);
    expect(target.get(copy).log!.events).toHaveLength(2);
    await target.close();
  });

  it('refuses truncated, tampered, newer-version and foreign files with a clear reason', async () => {
    const { html, bundle } = await exportedIncident();
    expect(() => readBundle(html.slice(0, Math.floor(html.length * 0.6)))).toThrow(/truncated or damaged/);
    expect(() => readBundle('<html>hello</html>')).toThrow(/not a Firebreak review bundle/);
    expect(() => readBundle(JSON.stringify({ ...bundle, formatVersion: 99 }))).toThrow(/newer Firebreak \(bundle format 99/);

    const edited = bundle.events.replace('Failover started', 'Failover avoided');
    expect(() => readBundle(JSON.stringify({ ...bundle, events: edited }))).toThrow(/does not match its checksum/);
    // A tamperer who also fixes the checksum is caught by the hash chain.
    const resummed = { ...bundle, events: edited, eventsSha256: createHash('sha256').update(edited).digest('hex') };
    expect(() => readBundle(JSON.stringify(resummed))).toThrow(/integrity check: event #2/);
    const badFile = { ...bundle, files: [{ ...bundle.files[0]!, base64: Buffer.from('{}').toString('base64') }] };
    expect(() => readBundle(JSON.stringify(badFile))).toThrow(/metrics\/segment-1.json does not match/);
    const escape = { ...bundle, files: [{ ...bundle.files[0]!, path: '../../etc/cron.d/x' }] };
    expect(() => readBundle(JSON.stringify(escape))).toThrow(/damaged/);
  });
});
