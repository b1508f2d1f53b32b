// Reads a review bundle back: refuses truncated, tampered or newer-version bundles with a clear reason, never overwrites silently.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { IncidentEvent } from '../../../shared/events';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, extractBundleJson, ReviewBundle } from '../../../shared/review/bundle-format';
import { DomainError } from '../../../shared/result';
import { verifyChain } from '../store/hash-chain';
import { PRIVATE_FILE_MODE } from '../base/durable-file';
import { LOG_FILE } from '../store/incident-log';
import type { IncidentStore } from '../store/incident-store';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Parses and checks a bundle without touching disk. */
export function readBundle(content: string): { bundle: ReviewBundle; events: IncidentEvent[] } {
  const json = extractBundleJson(content);
  if (json === undefined) throw new DomainError('validation', 'This file is not a Firebreak review bundle (no bundle data found in it).');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new DomainError('validation', 'The bundle is truncated or damaged: its data is not complete JSON. Ask for the file to be sent again.');
  }
  const head = raw as { format?: unknown; formatVersion?: unknown };
  if (head?.format !== BUNDLE_FORMAT) throw new DomainError('validation', 'This file is not a Firebreak review bundle.');
  if (typeof head.formatVersion === 'number' && head.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw new DomainError(
      'validation',
      `This bundle was made by a newer Firebreak (bundle format ${head.formatVersion}; this version reads up to ${BUNDLE_FORMAT_VERSION}). Update Firebreak to open it.`,
    );
  }
  const parsed = ReviewBundle.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('validation', `The bundle is damaged: ${issue.path.join('.') || 'its header'} — ${issue.message}.`);
  }
  const bundle = parsed.data;
  if (sha256(bundle.events) !== bundle.eventsSha256) {
    throw new DomainError('validation', "The bundle's event log does not match its checksum: it was modified or damaged after export.");
  }
  const events: IncidentEvent[] = [];
  const lines = bundle.events.split('\n').filter((l) => l.length > 0);
  for (const [i, line] of lines.entries()) {
    const event = IncidentEvent.safeParse(JSON.parse(line));
    if (!event.success) throw new DomainError('validation', `The bundle's event ${i + 1} is invalid: ${event.error.issues[0]?.message ?? 'schema mismatch'}.`);
    events.push(event.data);
  }
  if (events.length !== bundle.eventCount) throw new DomainError('validation', `The bundle holds ${events.length} events but says ${bundle.eventCount}: it is incomplete.`);
  const verdict = verifyChain(events);
  if (!verdict.ok) throw new DomainError('validation', `The bundle fails its integrity check: ${verdict.reason}.`);
  if (verdict.head !== bundle.chainHead) throw new DomainError('validation', 'The bundle fails its integrity check: the last event is not the one it was exported with.');
  if (events[0]?.type !== 'incident.declared') throw new DomainError('validation', 'The bundle does not start with an incident declaration.');
  for (const file of bundle.files) {
    if (sha256(Buffer.from(file.base64, 'base64')) !== file.sha256) throw new DomainError('validation', `The bundle's file ${file.path} does not match its checksum.`);
  }
  return { bundle, events };
}

/** Imports into the store. An existing incident with the same id is never overwritten: the caller must ask for a copy. */
export async function importBundle(store: IncidentStore, content: string, asCopy: boolean): Promise<string> {
  const { bundle } = readBundle(content);
  let id = bundle.incident.id;
  if (!/^[a-z0-9][a-z0-9-]{2,80}$/.test(id)) throw new DomainError('validation', `The bundle's incident id "${id.slice(0, 40)}" is not valid.`);
  if (store.has(id)) {
    if (!asCopy) throw new DomainError('conflict', `An incident "${bundle.incident.title}" (${id}) already exists here. Import it as a copy instead; nothing was changed.`);
    id = `${id.slice(0, 80)}-copy-${randomBytes(2).toString('hex')}`;
  }
  const dir = join(store.incidentsDir, id);
  await mkdir(dir, { recursive: false });
  try {
    for (const file of bundle.files) {
      const target = join(dir, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, Buffer.from(file.base64, 'base64'), { mode: PRIVATE_FILE_MODE });
    }
    const handle = await open(join(dir, LOG_FILE), 'wx', PRIVATE_FILE_MODE);
    await handle.writeFile(bundle.events);
    await handle.sync();
    await handle.close();
    await store.adopt(id);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return id;
}
