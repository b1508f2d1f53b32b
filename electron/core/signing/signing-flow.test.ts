// Signed logs and bundles against deliberate forgers, through the real core of two installations (Ana's and Ben's):
// a forged bundle whose hashes were all recomputed is refused, a log with its tail cut off is detected, an unknown
// signer is named with a warning, and a good bundle from a trusted colleague imports showing who signed it.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import { extractBundleJson } from '../../../shared/review/bundle-format';
import type { Result } from '../../../shared/result';
import { MemoryVault } from '../connectors/testing/memory-vault';
import { startCore, type FirebreakCore } from '../firebreak-core';
import { chainHash, GENESIS_HASH } from '../store/hash-chain';

let dir: string;
let rendererDir: string;
const open: FirebreakCore[] = [];

async function installation(name: string, vault = new MemoryVault()): Promise<FirebreakCore> {
  const core = await startCore({ dataDir: join(dir, name), assetsDir: join(dir, 'assets'), rendererDir, mode: 'browser', version: 'test', operator: name, seedDemo: false, vault, backgroundSync: false });
  open.push(core);
  return core;
}

async function call<T>(core: FirebreakCore, channel: string, input: unknown = {}): Promise<T> {
  const result = await core.router.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function closeAll(): Promise<void> {
  while (open.length > 0) await open.pop()!.close();
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fb-signing-'));
  rendererDir = join(dir, 'renderer');
  // The single-file cockpit build that review bundles inline (see bundle-export.ts).
  await mkdir(join(rendererDir, 'review-bundle', 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'review-bundle', 'index.html'), '<html><head><script type="module" crossorigin src="./assets/index-a.js"></script></head><body></body></html>');
  await writeFile(join(rendererDir, 'review-bundle', 'assets', 'index-a.js'), 'console.log("cockpit")');
});

afterEach(async () => {
  await closeAll();
  await rm(dir, { recursive: true, force: true });
});

async function exportedBundle(core: FirebreakCore): Promise<{ incidentId: string; content: string }> {
  const { id } = await call<{ id: string }>(core, 'incidents.declare', { title: 'Checkout errors', severity: 'SEV2', commander: 'ana', services: ['checkout'] });
  await call(core, 'incidents.addNote', { incidentId: id, text: 'Rolled back the deploy' });
  const { content } = await call<{ content: string }>(core, 'review.exportBundle', { incidentId: id });
  return { incidentId: id, content };
}

/** What a careful forger does: rewrite the title and commander, then recompute every hash and checksum in the bundle. */
function forge(content: string): string {
  const bundle = JSON.parse(extractBundleJson(content)!.replace(/\\u003c/g, '<')) as Record<string, unknown> & { events: string; incident: { title: string } };
  let previous = GENESIS_HASH;
  const events = bundle.events
    .trim()
    .split('\n')
    .map((line) => {
      const event = JSON.parse(line) as IncidentEvent & { payload: Record<string, unknown> };
      if (event.type === 'incident.declared') event.payload = { ...event.payload, title: 'Nothing happened', commander: 'mallory' };
      event.h = chainHash(previous, event);
      previous = event.h;
      return JSON.stringify(event);
    });
  const text = events.join('\n') + '\n';
  return JSON.stringify({ ...bundle, incident: { ...bundle.incident, title: 'Nothing happened' }, events: text, eventsSha256: createHash('sha256').update(text).digest('hex'), chainHead: previous });
}

describe('signed review bundles', () => {
  it('refuses a bundle whose title and commander were rewritten with every hash recomputed', async () => {
    const ana = await installation('ana');
    const { content } = await exportedBundle(ana);
    const ben = await installation('ben');
    const result: Result<unknown> = await ben.router.dispatch('review.importBundle', { content: forge(content) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'validation', message: expect.stringMatching(/signature does not match/) });
    expect(await call<unknown[]>(ben, 'incidents.list')).toEqual([]);
  });

  it('imports a good bundle from a trusted colleague showing who signed it', async () => {
    const ana = await installation('ana');
    const { incidentId, content } = await exportedBundle(ana);
    const anaKey = await call<{ publicKey: string; fingerprint: string }>(ana, 'signing.identity');
    const ben = await installation('ben');
    await call(ben, 'signing.trusted.add', { name: 'Ana (SRE)', publicKey: anaKey.publicKey });
    const inspected = await call<{ signature: unknown }>(ben, 'review.inspectBundle', { content });
    expect(inspected.signature).toEqual({ status: 'trusted', signer: 'Ana (SRE)', fingerprint: anaKey.fingerprint });
    const imported = await call<{ incidentId: string; signature: unknown }>(ben, 'review.importBundle', { content });
    expect(imported).toEqual({ incidentId, signature: { status: 'trusted', signer: 'Ana (SRE)', fingerprint: anaKey.fingerprint } });
  });

  it('warns, naming the claimed signer and the key, when the key is not a trusted one', async () => {
    const ana = await installation('ana');
    const { content } = await exportedBundle(ana);
    const anaKey = await call<{ fingerprint: string }>(ana, 'signing.identity');
    const ben = await installation('ben');
    const inspected = await call<{ signature: { status: string; signer: string; fingerprint: string } }>(ben, 'review.inspectBundle', { content });
    expect(inspected.signature).toEqual({ status: 'unknown', signer: 'ana', fingerprint: anaKey.fingerprint });
    expect(anaKey.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  });
});

describe('signed log checkpoints', () => {
  it('detects a log whose tail was cut off after a signed checkpoint', async () => {
    const vault = new MemoryVault();
    const ana = await installation('ana', vault);
    const { id } = await call<{ id: string }>(ana, 'incidents.declare', { title: 'Checkout errors', severity: 'SEV2', commander: 'ana', services: ['checkout'] });
    for (let i = 1; i <= 5; i++) await call(ana, 'incidents.addNote', { incidentId: id, text: `note ${i}` });
    await closeAll();
    const logFile = join(dir, 'ana', 'incidents', id, 'events.jsonl');
    const lines = (await readFile(logFile, 'utf8')).split('\n').filter(Boolean);
    await writeFile(logFile, lines.slice(0, 3).join('\n') + '\n');

    const again = await installation('ana', vault);
    const incident = await call<{ problems: { kind: string; message: string }[] }>(again, 'incidents.get', { incidentId: id });
    expect(incident.problems).toContainEqual(expect.objectContaining({ kind: 'chain_broken', message: expect.stringMatching(/signed checkpoint .* 6 events.*only 3/) }));
  });
});
