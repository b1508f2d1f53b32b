// One shared incident on one laptop: publishes this laptop's events to the incident's subject (Nats-Msg-Id = event id, so a
// retry is never stored twice), reads every laptop's events back through a durable consumer, appends the other laptops' events
// to the local log as received, and keeps the merge order (stream sequence, then local pending events) the projections fold.
// Every published event is signed by this device; every received one is verified before it reaches the log (event-signature.ts):
// refused events are never appended, events from a device with no registered key are held unverified (held-events.ts).
import { join } from 'node:path';
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { eventIdOf, IncidentEvent, type NewEvent } from '../../../shared/events';
import { MergeOrder } from '../../../shared/sync/merge-order';
import { incidentSubject } from '../../../shared/sync/team-names';
import type { IncidentStore } from '../store/incident-store';
import { SyncOrderFile } from './sync-order-file';
import type { NatsLink } from './nats-link';
import { checkSignature, SIGNATURE_HEADER, SIGNER_HEADER, signedText, type RefusalReason, type SignatureHeaders, type Verdict } from './event-signature';
import { HeldEvents, type HeldEvent } from './held-events';

/** How long a delivery waits for its device's key to be registered before it is held unverified. */
export const KEY_WAIT_MS = 3000;

/** An event a receiver would not append, reported to the cockpit and the app log. */
export interface RefusedEvent {
  incidentId: string;
  eventId: string;
  deviceId: string;
  reason: RefusalReason;
}

/** What travels on the wire: the event as its author wrote it, without this laptop's local seq, chain hash and request id. */
export interface WireEvent {
  incidentId: string;
  event: Omit<IncidentEvent, 'seq' | 'h' | 'rid'> & { id: string; hlc?: string };
}

export interface IncidentSyncDeps {
  store: IncidentStore;
  link: NatsLink;
  deviceId: string;
  team: string;
  onChange: () => void;
  reportError: (error: unknown) => void;
  /** Reading ended without being asked to (a delivery could not be stored, or the server dropped the consumer): read again. */
  onReadingEnded?: () => void;
  /** Signs the text of an own event with this device's key (base64 signature). */
  sign: (text: string) => Promise<string>;
  /** Whether this device's key is registered with the team, so others can verify what it publishes. */
  canPublish: () => boolean;
  /** The public key the team registered for a device, and waiting briefly for one (device-registry.ts). */
  keys: { keyOf(deviceId: string): string | undefined; waitForKey(deviceId: string, ms: number): Promise<string | undefined> };
  /** Where held (unverified) events are kept, one file per incident. */
  heldDir: string;
  onRefused: (refused: RefusedEvent) => void;
}

export class IncidentSync {
  readonly order = new MergeOrder<IncidentEvent>();
  private readonly file: SyncOrderFile;
  /** Events in the local log by global id (own and received). */
  private readonly inLog = new Map<string, IncidentEvent>();
  private readonly published = new Set<string>();
  private publishing: Promise<void> | undefined;
  private messages: ConsumerMessages | undefined;
  private reading: Promise<void> | undefined;
  private closed = false;
  private loaded = false;
  /** Other laptops' events deliver() is storing now, with their stream sequence. */
  private readonly arriving = new Map<string, number>();
  /** Events whose stream sequence is in sync-order.jsonl. */
  private readonly recorded = new Set<string>();
  /** Set while reading is stopped on purpose (a reconnect or close), so its end is not taken for a failure. */
  private stopping = false;
  private readonly held: HeldEvents;
  /** Deliveries and re-checks of held events run one at a time. */
  private exclusive: Promise<unknown> = Promise.resolve();

  /** The merge order once it was rebuilt from the log and holds the declaration; until then the log's own order stands. */
  get foldOrder(): MergeOrder<IncidentEvent> | undefined {
    return this.loaded && this.order.events[0]?.type === 'incident.declared' ? this.order : undefined;
  }

  constructor(
    readonly incidentId: string,
    private readonly deps: IncidentSyncDeps,
  ) {
    this.file = new SyncOrderFile(join(deps.store.incidentsDir, incidentId));
    this.held = new HeldEvents(deps.heldDir, incidentId);
  }

  /** Events of this incident held back because their device has no registered key (yet). */
  get heldCount(): number {
    return this.held.size;
  }

  private get subject(): string {
    return incidentSubject(this.deps.team, this.incidentId);
  }

  /** Rebuilds the merge order from the local log and sync-order.jsonl (the incident may not exist locally yet). */
  async load(): Promise<void> {
    await this.held.load();
    if (this.deps.store.has(this.incidentId)) {
      const log = (await this.deps.store.ensureOpen(this.incidentId)).log;
      const sequenced = new Map((await this.file.read()).map((e) => [e.id, e.streamSeq]));
      for (const id of sequenced.keys()) this.recorded.add(id);
      const synced: [number, string, IncidentEvent][] = [];
      // A chunk at a time: log.events past the in-memory tail would parse the whole file into one more array first.
      for (const chunk of log?.readChunks() ?? []) {
        for (const e of chunk) {
          const id = eventIdOf(e, this.deps.deviceId);
          this.inLog.set(id, e);
          const s = sequenced.get(id);
          if (s !== undefined) synced.push([s, id, e]);
        }
      }
      synced.sort((a, b) => a[0] - b[0]);
      for (const [s, id, e] of synced) this.order.addSynced(id, s, e);
      for (const [id, e] of this.inLog) if (this.isOwn(id) && !sequenced.has(id)) this.order.addPending(id, e);
    }
    this.loaded = true;
  }

  private isOwn(id: string): boolean {
    return id.startsWith(`${this.deps.deviceId}.`);
  }

  /** This laptop appended events to the incident (a user action, or a connector): queue its own ones for publishing. */
  localAppend(events: readonly IncidentEvent[]): void {
    if (!this.loaded) return;
    let added = false;
    for (const e of events) {
      const id = eventIdOf(e, this.deps.deviceId);
      if (this.inLog.has(id)) continue;
      this.inLog.set(id, e);
      const arriving = this.arriving.get(id);
      if (arriving !== undefined) {
        // Another laptop's event being stored by deliver(): in the merge order before any other listener reads a projection.
        this.arriving.delete(id);
        this.order.addLateSynced(id, arriving, e);
      } else if (this.isOwn(id)) {
        this.order.addPending(id, e);
        added = true;
      }
    }
    if (added) {
      this.deps.onChange();
      this.kickPublisher();
    }
  }

  /** Publishes pending own events in order until none are left or the connection drops (then the link's reconnect kicks again). */
  kickPublisher(): void {
    if (this.publishing || this.closed) return;
    this.publishing = (async () => {
      // Yield first, so `publishing` is set before the loop can finish (and clear it) synchronously.
      await Promise.resolve();
      try {
        for (;;) {
          const next = this.order.pendingEvents.find((e) => !this.published.has(eventIdOf(e, this.deps.deviceId)));
          if (!next || this.closed || !this.deps.canPublish()) return;
          const js = this.deps.link.jetstream;
          if (!js) return;
          const id = eventIdOf(next, this.deps.deviceId);
          const wire: WireEvent = { incidentId: this.incidentId, event: { ...wireFields(next), id } };
          const headers = natsHeaders();
          headers.set(SIGNER_HEADER, this.deps.deviceId);
          headers.set(SIGNATURE_HEADER, await this.deps.sign(signedText(wire)));
          await js.publish(this.subject, JSON.stringify(wire), { msgID: `${this.incidentId}/${id}`, timeout: 5000, headers });
          this.published.add(id);
        }
      } catch (e) {
        // Offline or the server is restarting: the events stay pending and are published again (same msg id) on reconnect.
        if (!this.closed && this.deps.link.isOnline) this.deps.reportError(e);
      } finally {
        this.publishing = undefined;
      }
    })();
  }

  /** Starts reading the incident's events through this laptop's durable consumer (created if needed). */
  async startReading(consumer: Consumer): Promise<void> {
    if (this.closed || this.reading) return;
    const messages = await consumer.consume({ max_messages: 256 });
    this.messages = messages;
    this.stopping = false;
    this.reading = (async () => {
      for await (const m of messages) {
        try {
          await this.deliver(m);
          m.ack();
        } catch (e) {
          this.deps.reportError(e);
          // A message that can never be read is terminated, not retried forever.
          if (e instanceof RejectedEvent) m.term();
          else {
            // It could not be stored now (a full disk): stop here, so nothing after it is taken first; reading starts again
            // right after the last recorded event (see TeamSync.connectNow), which keeps the stream order.
            m.nak(1000);
            break;
          }
        }
      }
    })().finally(() => {
      this.reading = undefined;
      if (!this.stopping && !this.closed) this.deps.onReadingEnded?.();
    });
  }

  private deliver(m: JsMsg): Promise<void> {
    return this.oneAtATime(() => this.deliverNow(m));
  }

  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const next = this.exclusive.then(work);
    this.exclusive = next.catch(() => undefined);
    return next;
  }

  private async deliverNow(m: JsMsg): Promise<void> {
    const wire = parseWire(m, this.incidentId);
    const id = wire.event.id;
    // Done once its place is in sync-order.jsonl (the merge order may hold it already: localAppend places it on storing).
    if (this.recorded.has(id) || this.held.has(id)) return;
    let event = this.inLog.get(id);
    if (!event) {
      const headers: SignatureHeaders = { signer: m.headers?.get(SIGNER_HEADER) || undefined, signature: m.headers?.get(SIGNATURE_HEADER) || undefined };
      let verdict = checkSignature(wire, headers, (d) => this.deps.keys.keyOf(d));
      if (verdict.verdict === 'unknown-device') {
        await this.deps.keys.waitForKey(verdict.deviceId, KEY_WAIT_MS);
        verdict = checkSignature(wire, headers, (d) => this.deps.keys.keyOf(d));
      }
      if (verdict.verdict === 'refused') return this.refuse(id, verdict);
      if (this.isOwn(id)) throw new RejectedEvent(`Event ${id} claims to come from this laptop but is not in its log.`);
      // Unverified, or verified but its incident's declaration is itself held: kept aside, never in the log as trusted.
      const waitsForDeclaration = !this.deps.store.has(this.incidentId) && wire.event.type !== 'incident.declared' && this.held.size > 0;
      if (verdict.verdict === 'unknown-device' || waitsForDeclaration) {
        if (!(await this.held.add({ streamSeq: m.seq, wire, headers }))) throw new RejectedEvent(`Too many unverified events for incident ${this.incidentId}; event ${id} is dropped.`);
        this.deps.onChange();
        return;
      }
      event = await this.storeReceived(wire, m.seq);
    }
    await this.file.append([{ id, streamSeq: m.seq }]);
    this.recorded.add(id);
    // Usually placed already by localAppend (the store's first listener); a repeat is ignored.
    this.order.addSynced(id, m.seq, event);
    this.deps.onChange();
  }

  private refuse(eventId: string, verdict: Extract<Verdict, { verdict: 'refused' }>): void {
    this.deps.onRefused({ incidentId: this.incidentId, eventId, deviceId: verdict.deviceId, reason: verdict.reason });
  }

  /** Appends another laptop's verified event to the local log (creating the incident with its declaration). */
  private async storeReceived(wire: WireEvent | HeldEvent['wire'], streamSeq: number): Promise<IncidentEvent> {
    const id = wire.event.id;
    const incoming = { ...wire.event } as unknown as NewEvent & { v?: number };
    delete incoming.v;
    const store = this.deps.store;
    let event: IncidentEvent | undefined;
    this.arriving.set(id, streamSeq);
    try {
      if (!store.has(this.incidentId)) {
        if (incoming.type !== 'incident.declared') throw new RejectedEvent(`The first event of incident ${this.incidentId} is ${incoming.type}, not its declaration.`);
        [event] = await store.create(this.incidentId, incoming, { received: true });
      } else {
        [event] = await store.append(this.incidentId, [incoming], { received: true });
      }
    } finally {
      this.arriving.delete(id);
    }
    this.inLog.set(id, event!);
    return event!;
  }

  /** A device key became known (or was removed): held events that now verify join the log at their stream position. */
  recheckHeld(): Promise<void> {
    if (this.held.size === 0 || this.closed) return Promise.resolve();
    return this.oneAtATime(async () => {
      const done = new Set<string>();
      for (const h of this.held.events) {
        const verdict = checkSignature(h.wire, h.headers, (d) => this.deps.keys.keyOf(d));
        const id = h.wire.event.id;
        if (verdict.verdict === 'refused') {
          this.refuse(id, verdict);
          done.add(id);
        } else if (verdict.verdict === 'verified' && (this.deps.store.has(this.incidentId) || h.wire.event.type === 'incident.declared')) {
          const event = this.inLog.get(id) ?? (await this.storeReceived(h.wire, h.streamSeq));
          await this.file.append([{ id, streamSeq: h.streamSeq }]);
          this.recorded.add(id);
          this.order.addLateSynced(id, h.streamSeq, event);
          done.add(id);
        }
      }
      await this.held.remove(done);
      if (done.size > 0) this.deps.onChange();
    });
  }

  /** Stops reading (the durable consumer keeps this laptop's position on the server). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.messages?.close();
    await this.reading;
    this.messages = undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
    await this.publishing;
    await this.exclusive;
    await this.file.close();
    await this.held.close();
  }
}

class RejectedEvent extends Error {}

function wireFields(e: IncidentEvent): Omit<IncidentEvent, 'seq' | 'h' | 'rid'> {
  const { seq: _seq, h: _h, rid: _rid, ...rest } = e;
  return rest;
}

/** Checks a delivered message: well-formed, for this incident, and a valid event of a known type with a global id. */
function parseWire(m: JsMsg, incidentId: string): WireEvent {
  let wire: WireEvent;
  try {
    wire = JSON.parse(new TextDecoder().decode(m.data)) as WireEvent;
  } catch {
    throw new RejectedEvent(`Message ${m.seq} on ${m.subject} is not JSON.`);
  }
  if (wire?.incidentId !== incidentId || typeof wire.event?.id !== 'string') throw new RejectedEvent(`Message ${m.seq} is not an event of incident ${incidentId}.`);
  const check = IncidentEvent.safeParse({ ...wire.event, seq: 1 });
  if (!check.success) throw new RejectedEvent(`Event ${wire.event.id} is invalid: ${check.error.issues[0]?.message ?? 'invalid'}.`);
  return wire;
}
