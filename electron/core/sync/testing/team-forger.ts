// Test support: someone holding the team's NATS credentials but not a laptop's signing key. Talks to the team server with the
// plain JS client: registers device keys in the team's devices bucket, reads what laptops published, and publishes events of
// its own making (forged, tampered, from unregistered devices) on an incident's subject, with whatever signature headers it likes.
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { randomBytes } from 'node:crypto';
import { devicesBucket, incidentSubject, teamStream } from '../../../../shared/sync/team-names';
import { generateKeyPair, publicKeyText, signText, type Ed25519KeyPair } from '../../signing/ed25519';
import { SIGNATURE_HEADER, SIGNER_HEADER, signedText, type SignedWire } from '../event-signature';

export interface Published {
  wire: SignedWire;
  signer?: string;
  signature?: string;
}

export class TeamForger {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly devices: KV,
    private readonly team: string,
  ) {}

  static async connect(url: string, team: string): Promise<TeamForger> {
    const nc = await connect({ servers: url, name: 'forger' });
    const devices = await new Kvm(nc).open(devicesBucket(team));
    return new TeamForger(nc, jetstream(nc), await jetstreamManager(nc), devices, team);
  }

  /** A fresh key pair, and its public key text as a device would register it. */
  static keys(): Ed25519KeyPair & { text: string } {
    const pair = generateKeyPair();
    return { ...pair, text: publicKeyText(pair.publicKey) };
  }

  /** Registers a device id with a key the way a laptop does (KV create). */
  register(deviceId: string, publicKey: string, handle = 'mallory'): Promise<number> {
    return this.devices.create(deviceId, JSON.stringify({ deviceId, handle, publicKey, registeredAt: new Date().toISOString() }));
  }

  /** Every event published on the incident's subject, with its signature headers, in stream order. */
  async published(incidentId: string): Promise<Published[]> {
    const stream = teamStream(this.team);
    const info = await this.jsm.streams.info(stream);
    const found: Published[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const m = await this.jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (!m || m.subject !== incidentSubject(this.team, incidentId)) continue;
      found.push({ wire: m.json<SignedWire>(), signer: m.header?.get(SIGNER_HEADER) || undefined, signature: m.header?.get(SIGNATURE_HEADER) || undefined });
    }
    return found;
  }

  /** Signs the event with `keys` (as device `signer`) unless told to send it unsigned, and publishes it. */
  async publish(wire: SignedWire, signing: { signer: string; keys: Ed25519KeyPair } | { signer: string; signature: string } | 'unsigned'): Promise<void> {
    const h = natsHeaders();
    if (signing !== 'unsigned') {
      h.set(SIGNER_HEADER, signing.signer);
      h.set(SIGNATURE_HEADER, 'signature' in signing ? signing.signature : signText(signing.keys.privateKey, signedText(wire)));
    }
    await this.js.publish(incidentSubject(this.team, wire.incidentId), JSON.stringify(wire), { msgID: `forged-${randomBytes(6).toString('hex')}`, headers: h });
  }

  async close(): Promise<void> {
    await this.nc.close();
  }
}

/** A note event as a laptop would publish it, claiming to be written by `deviceId` (id `<deviceId>.<seq>`). */
export function noteWire(incidentId: string, deviceId: string, seq: number, text: string, handle = 'ana'): SignedWire {
  return {
    incidentId,
    event: { v: 1, id: `${deviceId}.${seq}`, hlc: `${String(Date.now()).padStart(15, '0')}.000000`, ts: new Date().toISOString(), type: 'note.added', actor: handle, actorIdentity: { handle, deviceId }, payload: { text, kind: 'note' } },
  };
}
