// One shared incident on one laptop: publishes this laptop's events to the incident's subject (Nats-Msg-Id = event id, so a
// retry is never stored twice), reads every laptop's events back through a durable consumer, appends the other laptops' events
// to the local log as received, and keeps the merge order (stream sequence, then local pending events) the projections fold.
import { join } from 'node:path';
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { eventIdOf, IncidentEvent, type NewEvent } from '../../../shared/events';
import { MergeOrder } from '../../../shared/sync/merge-order';
import { incidentSubject } from '../../../shared/sync/team-names';
import type { IncidentStore } from '../store/incident-store';
import { SyncOrderFile } from './sync-order-file';
import type { NatsLink } from './nats-link';

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

  /** The merge order once it was rebuilt from the log and holds the declaration; until then the log's own order stands. */
  get foldOrder(): MergeOrder<IncidentEvent> | undefined {
    return this.loaded && this.order.events[0]?.type === 'incident.declared' ? this.order : undefined;
  }

  constructor(
    readonly incidentId: string,
    private readonly deps: IncidentSyncDeps,
  ) {
    this.file = new SyncOrderFile(join(deps.store.incidentsDir, incidentId));
  }

  private get subject(): string {
    return incidentSubject(this.deps.team, this.incidentId);
  }

  /** Rebuilds the merge order from the local log and sync-order.jsonl (the incident may not exist locally yet). */
  async load(): Promise<void> {
    if (this.deps.store.has(this.incidentId)) {
      const log = (await this.deps.store.ensureOpen(this.incidentId)).log;
      const sequenced = new Map((await this.file.read()).map((e) => [e.id, e.streamSeq]));
      for (const id of sequenced.keys()) this.recorded.add(id);
      const synced: [number, string, IncidentEvent][] = [];
      for (const e of log?.events ?? []) {
        const id = eventIdOf(e, this.deps.deviceId);
        this.inLog.set(id, e);
        const s = sequenced.get(id);
        if (s !== undefined) synced.push([s, id, e]);
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
        this.order.addSynced(id, arriving, e);
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
          if (!next || this.closed) return;
          const js = this.deps.link.jetstream;
          if (!js) return;
          const id = eventIdOf(next, this.deps.deviceId);
          const wire: WireEvent = { incidentId: this.incidentId, event: { ...wireFields(next), id } };
          await js.publish(this.subject, JSON.stringify(wire), { msgID: `${this.incidentId}/${id}`, timeout: 5000 });
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

  private async deliver(m: JsMsg): Promise<void> {
    const wire = parseWire(m, this.incidentId);
    const id = wire.event.id;
    // Done once its place is in sync-order.jsonl (the merge order may hold it already: localAppend places it on storing).
    if (this.recorded.has(id)) return;
    let event = this.inLog.get(id);
    if (!event) {
      if (this.isOwn(id)) throw new RejectedEvent(`Event ${id} claims to come from this laptop but is not in its log.`);
      const incoming = { ...wire.event } as NewEvent & { v?: number };
      delete incoming.v;
      const store = this.deps.store;
      this.arriving.set(id, m.seq);
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
    }
    await this.file.append([{ id, streamSeq: m.seq }]);
    this.recorded.add(id);
    // Usually placed already by localAppend (the store's first listener); a repeat is ignored.
    this.order.addSynced(id, m.seq, event!);
    this.deps.onChange();
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
    await this.file.close();
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
