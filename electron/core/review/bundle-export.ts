// Exports an incident as a single HTML file: the single-file cockpit build inlined plus the bundle JSON, viewable offline in any browser
// (read-only) and importable into Firebreak.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { BUNDLE_ELEMENT_ID, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, jsonForHtml, type ReviewBundle } from '../../../shared/review/bundle-format';
import { DomainError } from '../../../shared/result';
import { verifyChain } from '../store/hash-chain';
import type { IncidentStore } from '../store/incident-store';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Captured data worth carrying (metrics segments and the like); logs of the app's own recovery stay behind. */
async function incidentFiles(dir: string): Promise<{ path: string; data: Buffer }[]> {
  const out: { path: string; data: Buffer }[] = [];
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (d !== dir) out.push({ path: relative(dir, full).split('\\').join('/'), data: await readFile(full) });
    }
  };
  await walk(dir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export async function buildBundle(store: IncidentStore, incidentId: string, meta: { exportedBy: string; appVersion: string }): Promise<ReviewBundle> {
  const incident = store.get(incidentId);
  const log = incident.log;
  const declared = log?.firstEvent;
  if (!log || declared?.type !== 'incident.declared') throw new DomainError('conflict', `Incident ${incidentId} has no readable log to export.`);
  // Read once: past the log's in-memory tail every `log.events` is a full read of the file.
  const logEvents = log.events;
  const verdict = verifyChain(logEvents);
  if (!verdict.ok) throw new DomainError('conflict', `Incident ${incidentId} fails its integrity check (${verdict.reason}); it cannot be exported as a trustworthy review bundle.`);
  const events = logEvents.map((e) => JSON.stringify(e)).join('\n') + '\n';
  const files = await incidentFiles(dirname(log.file));
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    exportedBy: meta.exportedBy,
    appVersion: meta.appVersion,
    incident: { id: incidentId, title: declared.payload.title },
    events,
    eventsSha256: sha256(events),
    eventCount: logEvents.length,
    chainHead: verdict.head,
    files: files.map((f) => ({ path: f.path, base64: f.data.toString('base64'), sha256: sha256(f.data) })),
  };
}

/**
 * The app's cockpit is split into chunks loaded on demand, which a single offline file cannot fetch under a hash-pinned
 * CSP; the build therefore also makes a single-file cockpit for bundles (electron.vite.config.ts), kept here.
 */
export const REVIEW_RENDERER_DIR = 'review-bundle';

/** Inlines the single-file cockpit build (one script, one stylesheet) into a standalone page carrying the bundle. */
export async function bundleHtml(bundle: ReviewBundle, rendererDir: string): Promise<string> {
  const dir = join(rendererDir, REVIEW_RENDERER_DIR);
  let html: string;
  try {
    html = await readFile(join(dir, 'index.html'), 'utf8');
  } catch {
    throw new DomainError('unavailable', 'The cockpit build for review bundles is missing; run `npm run build` and export again.');
  }
  const scripts = [...html.matchAll(/<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"><\/script>/g)];
  const style = /<link rel="stylesheet" crossorigin href="\.\/(assets\/[^"]+\.css)">/.exec(html);
  // Exactly one script and nothing to preload: anything else would try to load a file the bundle does not carry.
  if (scripts.length !== 1 || html.includes('rel="modulepreload"')) throw new DomainError('internal', 'The cockpit build for review bundles is not a single script; run `npm run build` again.');
  const js = (await readFile(join(dir, scripts[0]![1]!), 'utf8')).replace(/<\/script/gi, '<\\/script');
  const css = style ? (await readFile(join(dir, style[1]!), 'utf8')).replace(/<\/style/gi, '<\\/style') : '';
  const scriptHash = createHash('sha256').update(js).digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'`;
  const title = bundle.incident.title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8" />',
    `<meta http-equiv="Content-Security-Policy" content="${csp}" />`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0" />',
    '<meta name="color-scheme" content="dark light" />',
    `<title>Review: ${title} — Firebreak</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<div id="root"></div>',
    `<script type="application/json" id="${BUNDLE_ELEMENT_ID}">${jsonForHtml(JSON.stringify(bundle))}</script>`,
    `<script type="module">${js}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export const bundleFileName = (incidentId: string): string => `${incidentId}.firebreak-review.html`;

