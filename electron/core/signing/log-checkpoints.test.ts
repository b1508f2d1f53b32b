// Log checkpoints and trusted keys in isolation: signed every N events, a forger's re-signed or edited checkpoint is
// reported, and the trusted list accepts only well-formed foreign keys.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryVault } from '../connectors/testing/memory-vault';
import { IncidentStore } from '../store/incident-store';
import { generateKeyPair, publicKeyText, signText } from './ed25519';
import { LogCheckpoints } from './log-checkpoints';
import { SigningIdentity } from './signing-identity';
import { TrustedKeys } from './trusted-keys';

const ID = '2026-01-01-db-down-abc123';
let dir: string;
let vault: MemoryVault;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fb-checkpoints-'));
  vault = new MemoryVault();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function open(every = 3) {
  const store = await IncidentStore.open(dir);
  const identity = new SigningIdentity(vault, () => 'ana');
  const trust = new TrustedKeys(dir, identity);
  const errors: unknown[] = [];
  const checkpoints = new LogCheckpoints(store, identity, trust, (e) => errors.push(e), every);
  return { store, identity, trust, checkpoints, errors };
}

const checkpointFile = () => join(dir, 'incidents', ID, 'events.jsonl.checkpoint');
const note = (text: string) => ({ type: 'note.added' as const, actor: 'ana', payload: { text } });

describe('log checkpoints', () => {
  it('signs the head every N events and at close; a clean reopen reports nothing', async () => {
    const { store, checkpoints, errors } = await open(3);
    await store.create(ID, { type: 'incident.declared', actor: 'ana', payload: { title: 'DB down', severity: 'SEV1', commander: 'ana', services: ['db'] } });
    await store.append(ID, [note('one'), note('two')]);
    // Written in the background by the append listener, not by anything this test calls.
    await vi.waitFor(async () => expect(JSON.parse(await readFile(checkpointFile(), 'utf8'))).toMatchObject({ eventCount: 3, lastSeq: 3, signer: 'ana' }), { timeout: 10_000, interval: 20 });
    await store.append(ID, [note('three')]);
    expect(JSON.parse(await readFile(checkpointFile(), 'utf8'))).toMatchObject({ eventCount: 3 });
    await checkpoints.close();
    await store.close();
    expect(JSON.parse(await readFile(checkpointFile(), 'utf8'))).toMatchObject({ eventCount: 4 });
    expect(errors).toEqual([]);

    const again = await open();
    await again.checkpoints.verifyAll();
    expect(again.store.get(ID).problems).toEqual([]);
    await again.store.close();
  });

  it("reports a checkpoint edited to hide a cut, or re-signed with a forger's key", async () => {
    const first = await open();
    await first.store.create(ID, { type: 'incident.declared', actor: 'ana', payload: { title: 'DB down', severity: 'SEV1', commander: 'ana', services: ['db'] } });
    await first.store.append(ID, [note('one')]);
    await first.checkpoints.close();
    await first.store.close();
    const original = JSON.parse(await readFile(checkpointFile(), 'utf8')) as Record<string, unknown>;

    await writeFile(checkpointFile(), JSON.stringify({ ...original, eventCount: 1 }));
    let reopened = await open();
    await reopened.checkpoints.verifyAll();
    expect(reopened.store.get(ID).problems).toEqual([expect.objectContaining({ kind: 'chain_broken', message: expect.stringMatching(/does not verify/) })]);
    await reopened.store.close();

    const forger = generateKeyPair();
    const { signature: _s, ...rest } = original;
    const body = { ...rest, signer: 'ana', publicKey: publicKeyText(forger.publicKey) };
    const { canonicalJson } = await import('../store/hash-chain');
    await writeFile(checkpointFile(), JSON.stringify({ ...body, signature: signText(forger.privateKey, canonicalJson(body)) }));
    reopened = await open();
    await reopened.checkpoints.verifyAll();
    expect(reopened.store.get(ID).problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/signed by a key this installation does not know \("ana"/) })]);
    // Once the forger's key is trusted (say, a colleague's laptop that wrote the log), the same checkpoint is accepted.
    await reopened.trust.add('Colleague', publicKeyText(forger.publicKey));
    await reopened.store.close();
    reopened = await open();
    await reopened.checkpoints.verifyAll();
    expect(reopened.store.get(ID).problems).toEqual([]);
    await reopened.store.close();
  });
});

describe('trusted keys', () => {
  it('accepts a well-formed foreign key once, and refuses malformed keys and your own', async () => {
    const { trust, identity } = await open();
    await expect(trust.add('Ben', 'ed25519:abc')).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/44 base64 characters/) });
    await expect(trust.add('Me', (await identity.publicIdentity()).publicKey)).rejects.toMatchObject({ message: /your own key/ });
    const ben = publicKeyText(generateKeyPair().publicKey);
    const [added] = await trust.add('Ben', ben);
    expect(added).toMatchObject({ name: 'Ben', publicKey: ben, fingerprint: expect.stringMatching(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/) });
    await expect(trust.add('Ben again', ben)).rejects.toMatchObject({ code: 'conflict' });
    expect(await trust.trustOf(ben, 'whatever it claims')).toEqual({ status: 'trusted', signer: 'Ben', fingerprint: added!.fingerprint });
    expect(await trust.remove(added!.fingerprint)).toEqual([]);
    // The key pair survives in the vault: the same identity after a restart.
    expect((await new SigningIdentity(vault, () => 'ana').publicIdentity()).publicKey).toBe((await identity.publicIdentity()).publicKey);
  });
});
