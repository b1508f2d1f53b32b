// The receiver's rules for a team event, without a server: a device's own signature over the event as published verifies;
// any change to a signed field, a signature by another device, an author identity naming another device, a missing signature
// or an unregistered device each get their own verdict, and the notice names the device and what failed.
import { describe, expect, it } from 'vitest';
import { generateKeyPair, publicKeyText, signText } from '../signing/ed25519';
import { checkSignature, refusalNotice, signedText, type SignedWire } from './event-signature';

const ana = generateKeyPair();
const mallory = generateKeyPair();
const keys = new Map([
  ['dev_ana', publicKeyText(ana.publicKey)],
  ['dev_mallory', publicKeyText(mallory.publicKey)],
]);
const keyOf = (d: string) => keys.get(d);

const wire = (): SignedWire => ({
  incidentId: 'inc-1',
  event: { v: 1, id: 'dev_ana.7', hlc: '001764670000000.000001', ts: '2026-12-02T10:00:00.000Z', type: 'note.added', actor: 'Ana', actorIdentity: { handle: 'ana', deviceId: 'dev_ana' }, payload: { text: 'db failover started', kind: 'note' } },
});
const signedBy = (w: SignedWire, signer: string, key = ana.privateKey) => ({ signer, signature: signText(key, signedText(w)) });

describe('checkSignature', () => {
  it("verifies the device's own signature, whatever the key order of the JSON it arrived as", () => {
    const w = wire();
    const headers = signedBy(w, 'dev_ana');
    const reordered = JSON.parse(JSON.stringify({ event: { payload: w.event.payload, ...w.event }, incidentId: w.incidentId })) as SignedWire;
    expect(checkSignature(reordered, headers, keyOf)).toEqual({ verdict: 'verified', deviceId: 'dev_ana' });
  });

  it.each([
    ['payload', (w: SignedWire) => void (w.event.payload = { text: 'all fine', kind: 'note' })],
    ['hlc', (w: SignedWire) => void (w.event.hlc = '001764670000000.000002')],
    ['ts', (w: SignedWire) => void (w.event.ts = '2026-12-02T10:00:01.000Z')],
    ['type', (w: SignedWire) => void (w.event.type = 'note.removed')],
    ['actor', (w: SignedWire) => void (w.event.actor = 'Ben')],
    ['actorIdentity handle', (w: SignedWire) => void (w.event.actorIdentity = { handle: 'ben', deviceId: 'dev_ana' })],
    ['global id', (w: SignedWire) => void (w.event.id = 'dev_ana.8')],
    ['incident', (w: SignedWire) => void (w.incidentId = 'inc-2')],
  ])('refuses a signed event whose %s was changed', (_field, change) => {
    const w = wire();
    const headers = signedBy(w, 'dev_ana');
    change(w);
    expect(checkSignature(w, headers, keyOf)).toEqual({ verdict: 'refused', deviceId: 'dev_ana', reason: 'bad-signature' });
  });

  it('refuses a signature by another key, by another device, an author naming another device, and no signature', () => {
    const w = wire();
    expect(checkSignature(w, signedBy(w, 'dev_ana', mallory.privateKey), keyOf)).toMatchObject({ verdict: 'refused', reason: 'bad-signature' });
    expect(checkSignature(w, signedBy(w, 'dev_mallory', mallory.privateKey), keyOf)).toMatchObject({ verdict: 'refused', deviceId: 'dev_ana', reason: 'wrong-device' });
    const namesAna = { ...wire(), event: { ...wire().event, id: 'dev_mallory.1' } };
    expect(checkSignature(namesAna, signedBy(namesAna, 'dev_mallory', mallory.privateKey), keyOf)).toMatchObject({ verdict: 'refused', deviceId: 'dev_mallory', reason: 'wrong-identity' });
    expect(checkSignature(w, {}, keyOf)).toMatchObject({ verdict: 'refused', reason: 'unsigned' });
  });

  it('an event a connector wrote for the device (no author identity) verifies by the device signature alone', () => {
    const w = wire();
    delete w.event.actorIdentity;
    w.event.actor = 'Jira';
    expect(checkSignature(w, signedBy(w, 'dev_ana'), keyOf)).toEqual({ verdict: 'verified', deviceId: 'dev_ana' });
  });

  it('a device with no registered key is unknown, not verified', () => {
    const stranger = generateKeyPair();
    const w = { ...wire(), event: { ...wire().event, id: 'dev_new.1', actorIdentity: { handle: 'nia', deviceId: 'dev_new' } } };
    expect(checkSignature(w, signedBy(w, 'dev_new', stranger.privateKey), keyOf)).toEqual({ verdict: 'unknown-device', deviceId: 'dev_new' });
  });
});

describe('refusalNotice', () => {
  it('names the device (shortened), how many events and what failed', () => {
    expect(refusalNotice('dev_3f9a4b7c2d1e0f9a', 2, 'bad-signature')).toBe("2 events from device dev_3f9a4b… were refused: signature did not verify — someone with the team's credentials may be impersonating a laptop.");
    expect(refusalNotice('dev_3f9a', 1, 'unsigned')).toBe("1 event from device dev_3f9a was refused: it carries no signature — someone with the team's credentials may be impersonating a laptop.");
  });
});
