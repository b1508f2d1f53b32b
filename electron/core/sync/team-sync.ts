// Team sync engine: shares this laptop's incidents with the team through NATS JetStream and brings the team's incidents in.
// - The team's incident list is a KV bucket (id → title, severity, status, commander); a new key makes this laptop read that
//   incident's events through its own durable consumer, so an incident declared on one laptop appears on the others.
// - Each shared incident is an IncidentSync (publish own events, read everyone's, keep the merge order).
// - The store folds shared incidents in the merge order, so every laptop shows the same state once it has the same events.
// - Each device registers its signing key in the team's devices bucket (first registration wins) before it publishes; received
//   events are verified against those keys, refused ones are counted in the status and never appended (event-signature.ts).
// Everything local keeps working without the server; the status says since when it is offline and how much waits to be sent.
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import type { KvWatchEntry } from '@nats-io/kv';
import type { IncidentEvent } from '../../../shared/events';
import type { IncidentState } from '../../../shared/incidents/incident-state';
import type { SyncStatusView, TeamDeviceView } from '../../../shared/ipc/sync';
import { incidentProjection } from '../../../shared/projections/domain-projections';
import { devicesBucket, incidentConsumer, incidentSubject } from '../../../shared/sync/team-names';
import type { IncidentStore } from '../store/incident-store';
import { IncidentSync, type RefusedEvent } from './incident-sync';
import { DeviceRegistry } from './device-registry';
import { SyncRefusals } from './sync-refusals';
import { fingerprintOf } from '../signing/ed25519';
import { claimOutboxItem, outboxClaimKey } from './outbox-claims';
import { NatsLink, type LinkState, type SyncSettings } from './nats-link';
import { SYNC_ORDER_FILE, SyncOrderFile } from './sync-order-file';

export interface TeamSyncOptions {
  store: IncidentStore;
  settings: SyncSettings;
  deviceId: string;
  onStatus?: (status: SyncStatusView) => void;
  reportError?: (error: unknown) => void;
  /** This device's Ed25519 signing identity (signing-identity.ts): its public key text and a signature over text. */
  signer: { publicKey(): Promise<string>; sign(text: string): Promise<string> };
  /** This device's user's handle, registered with its key. */
  handle: () => string;
  /** An event from the team was refused (the app log records it); the status counts it. */
  onRefused?: (refused: RefusedEvent) => void;
}

/** What the team's incident list holds per incident. */
export interface TeamIncidentEntry {
  id: string;
  title: string;
  severity: string;
  status: string;
  commander: string;
  roles: Record<string, string>;
  updatedBy: string;
}

export class TeamSync {
  private readonly incidents = new Map<string, IncidentSync>();
  private readonly link: NatsLink;
  private readonly dirtyEntries = new Set<string>();
  private readonly connecting = new Map<string, Promise<void>>();
  private watching = false;
  private closed = false;
  private unsubscribe: (() => void) | undefined;
  private lastStatus = '';
  private readonly registry = new DeviceRegistry((message) => this.report(new Error(message)));
  private readonly refusals = new SyncRefusals();
  /** Whether this device's key is registered with the team (set once per run); why not when its device id is taken. */
  private registered = false;
  private registration: string | undefined;

  constructor(private readonly options: TeamSyncOptions) {
    this.link = new NatsLink(options.settings, { onOnline: () => this.online(), onState: () => this.announce() });
    this.registry.onChange(() => {
      for (const sync of this.incidents.values()) sync.recheckHeld().catch((e: unknown) => this.report(e));
      this.announce();
    });
  }

  get deviceId(): string {
    return this.options.deviceId;
  }

  /** Resumes every incident shared before (marked by its sync-order file), then connects in the background. */
  async start(): Promise<void> {
    const { store } = this.options;
    store.useFoldOrder((id) => this.incidents.get(id)?.foldOrder);
    this.unsubscribe = store.onAppend((id, events) => this.appended(id, events), { first: true });
    for (const incident of store.list()) {
      const marked = await access(join(store.incidentsDir, incident.id, SYNC_ORDER_FILE)).then(() => true, () => false);
      if (marked) await this.track(incident.id);
    }
    this.link.start();
  }

  status(): SyncStatusView {
    const state: LinkState = this.link.state;
    const pendingEvents = [...this.incidents.values()].reduce((n, i) => n + i.order.pendingCount, 0);
    const unverified = [...this.incidents.values()].reduce((n, i) => n + i.heldCount, 0);
    const refused = this.refusals.view();
    return {
      state: state.state,
      team: this.options.settings.team,
      server: this.link.server,
      pendingEvents,
      deviceId: this.options.deviceId,
      ...(refused.length > 0 ? { refused } : {}),
      ...(unverified > 0 ? { unverified } : {}),
      ...(this.registration ? { registration: this.registration } : {}),
      ...(state.state === 'offline' || state.state === 'error' ? { offlineSince: state.since.toISOString(), message: state.message } : {}),
    };
  }

  /** The incident's events in the team order (tests, playback). */
  mergedEvents(incidentId: string): readonly IncidentEvent[] {
    return this.incidents.get(incidentId)?.order.events ?? [];
  }

  isShared(incidentId: string): boolean {
    return this.incidents.has(incidentId);
  }

  /** The team's devices as registered on the team server (those this laptop has seen). */
  devices(): TeamDeviceView[] {
    return this.registry.list().map((d) => ({ deviceId: d.deviceId, handle: d.handle, fingerprint: fingerprintOf(d.publicKey), registeredAt: d.registeredAt, thisDevice: d.deviceId === this.deviceId }));
  }

  private refused(refused: RefusedEvent): void {
    if (!this.refusals.record(refused)) return;
    this.options.onRefused?.(refused);
    this.announce();
  }

  /** Registers this device's key with the team (KV create: never over another key); publishing waits for it. */
  private async register(): Promise<void> {
    const kv = this.link.devices;
    if (!kv || this.registered) return;
    this.registry.attach(kv);
    try {
      const publicKey = await this.options.signer.publicKey();
      const result = await this.registry.register({ deviceId: this.deviceId, handle: this.options.handle(), publicKey, registeredAt: new Date().toISOString() });
      if (result.state === 'revoked') {
        this.registration = `This laptop's device id ${this.deviceId} was revoked on the team server, so the team refuses its events; they stay on this laptop. Ask your team's admin.`;
        this.report(new Error(this.registration));
      } else if (result.state === 'taken') {
        this.registration = `This laptop's device id ${this.deviceId} is registered on the team server with another signing key (fingerprint ${fingerprintOf(result.existing.publicKey)}, @${result.existing.handle}), so the team would refuse its events; they stay on this laptop. If that is not a laptop of yours, tell your team; to register this one, an admin removes the entry ${this.deviceId} from the bucket ${devicesBucket(this.options.settings.team)}.`;
        this.report(new Error(this.registration));
      } else {
        this.registered = true;
        this.registration = undefined;
        for (const sync of this.incidents.values()) sync.kickPublisher();
      }
    } catch (e) {
      this.report(e);
    }
    this.announce();
  }

  private announce(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.options.onStatus?.(status);
  }

  private report(error: unknown): void {
    this.options.reportError?.(error);
  }

  private appended(incidentId: string, events: IncidentEvent[]): void {
    const sync = this.incidents.get(incidentId);
    if (sync) {
      sync.localAppend(events);
      if (events.some((e) => changesEntry(e) && e.id?.startsWith(`${this.deviceId}.`))) this.putEntry(incidentId);
      return;
    }
    // An incident declared on this laptop while sync is on is shared with the team.
    const first = events[0];
    if (first?.type === 'incident.declared' && first.seq === 1 && first.id?.startsWith(`${this.deviceId}.`)) {
      void this.track(incidentId)
        .then((s) => {
          s.localAppend(events);
          this.putEntry(incidentId);
          this.announce();
        })
        .catch((e: unknown) => this.report(e));
    }
  }

  private async track(incidentId: string): Promise<IncidentSync> {
    const known = this.incidents.get(incidentId);
    if (known) return known;
    const sync = new IncidentSync(incidentId, {
      store: this.options.store,
      link: this.link,
      deviceId: this.deviceId,
      team: this.options.settings.team,
      onChange: () => this.announce(),
      reportError: (e) => this.report(e),
      sign: (text) => this.options.signer.sign(text),
      canPublish: () => this.registered,
      keys: this.registry,
      heldDir: join(dirname(this.options.store.incidentsDir), 'sync', 'held'),
      onRefused: (r) => this.refused(r),
      onReadingEnded: () => {
        const retry = setTimeout(() => {
          if (!this.closed && this.link.isOnline) void this.connectIncident(sync);
        }, 1000);
        retry.unref?.();
      },
    });
    this.incidents.set(incidentId, sync);
    await sync.load();
    // Mark the incident as shared on disk, so it is resumed after a restart even before anything was sequenced.
    if (this.options.store.has(incidentId)) {
      const marker = new SyncOrderFile(join(this.options.store.incidentsDir, incidentId));
      await marker.append([]).finally(() => marker.close());
    }
    if (this.link.isOnline) void this.connectIncident(sync);
    return sync;
  }

  /** Connects the incident after any connect of it still in progress (reconnects can come quickly one after another). */
  private connectIncident(sync: IncidentSync): Promise<void> {
    const next = (this.connecting.get(sync.incidentId) ?? Promise.resolve()).then(() => this.connectNow(sync));
    this.connecting.set(sync.incidentId, next);
    return next;
  }

  /** Creates (or finds) this laptop's durable consumer for the incident and starts reading and publishing. */
  private async connectNow(sync: IncidentSync): Promise<void> {
    const jsm = this.link.manager;
    const js = this.link.jetstream;
    if (!jsm || !js || this.closed) return;
    try {
      const name = incidentConsumer(this.deviceId, sync.incidentId);
      // The local sync-order file is the record of what this laptop has read. The durable consumer resumes from the server's
      // record, which after a crash may hold deliveries that were never acknowledged (redelivered only after ack_wait): then
      // it is recreated to start right after the last event this laptop recorded.
      // Reading stops first, so the position below is final and no delivery races the recreation.
      await sync.stop();
      const from = sync.order.lastStreamSeq + 1;
      const info = await jsm.consumers.info(this.link.stream, name).catch(() => undefined);
      const behind = info && (info.num_ack_pending > 0 || info.delivered.stream_seq + 1 < from);
      if (info && behind) await jsm.consumers.delete(this.link.stream, name);
      if (!info || behind) {
        await jsm.consumers.add(this.link.stream, {
          durable_name: name,
          filter_subject: incidentSubject(this.options.settings.team, sync.incidentId),
          ack_policy: AckPolicy.Explicit,
          ...(from > 1 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from } : { deliver_policy: DeliverPolicy.All }),
          max_deliver: -1,
          ack_wait: 30e9,
        });
      }
      await sync.startReading(await js.consumers.get(this.link.stream, name));
      sync.kickPublisher();
    } catch (e) {
      this.report(e);
    }
  }

  private online(): void {
    void this.register();
    for (const sync of this.incidents.values()) void this.connectIncident(sync);
    for (const id of this.dirtyEntries) this.putEntry(id);
    void this.watchIncidents();
    this.announce();
  }

  /** Follows the team's incident list: a key this laptop does not know yet is an incident to bring in. */
  private async watchIncidents(): Promise<void> {
    const kv = this.link.incidents;
    if (!kv || this.watching) return;
    this.watching = true;
    try {
      const watch = await kv.watch();
      for await (const entry of watch as AsyncIterable<KvWatchEntry>) {
        if (this.closed) break;
        if (entry.operation === 'PUT' && !this.incidents.has(entry.key)) await this.track(entry.key).catch((e: unknown) => this.report(e));
      }
    } catch (e) {
      if (!this.closed) this.report(e);
    } finally {
      this.watching = false;
    }
  }

  /** Writes the incident's entry in the team list (again once online when it could not be written). */
  private putEntry(incidentId: string): void {
    const kv = this.link.incidents;
    const state = this.options.store.has(incidentId) ? this.options.store.projection(incidentId, incidentProjection) : undefined;
    if (!state) return;
    if (!kv || !this.link.isOnline) {
      this.dirtyEntries.add(incidentId);
      return;
    }
    this.dirtyEntries.delete(incidentId);
    const entry: TeamIncidentEntry = { id: incidentId, title: state.title, severity: state.severity, status: state.status, commander: state.commander, roles: rolesOf(state), updatedBy: this.deviceId };
    kv.put(incidentId, JSON.stringify(entry)).catch(() => this.dirtyEntries.add(incidentId));
  }

  /** The incident's entry in the team's incident list as the team server holds it now (undefined offline or when absent). */
  async teamEntry(incidentId: string): Promise<TeamIncidentEntry | undefined> {
    const entry = await this.link.incidents?.get(incidentId);
    return entry && entry.operation === 'PUT' ? (entry.json() as TeamIncidentEntry) : undefined;
  }

  /**
   * Whether this laptop may send the outbox item: always for an incident that is not shared; for a shared one only with a claim
   * won on the team server (offline, nobody can know who sends, so the item waits).
   */
  async claimOutbox(incidentId: string, intentKey: string): Promise<boolean> {
    if (!this.incidents.has(incidentId)) return true;
    const kv = this.link.claims;
    if (!kv || !this.link.isOnline) return false;
    return claimOutboxItem(kv, outboxClaimKey(incidentId, intentKey), this.deviceId, Date.now()).catch(() => false);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    this.options.store.useFoldOrder(() => undefined);
    this.registry.close();
    await Promise.all([...this.incidents.values()].map((s) => s.close().catch(() => undefined)));
    await this.link.close();
  }
}

/** Events that change what the team's incident list shows: status, severity, title, commander, roles and handovers. */
const changesEntry = (e: IncidentEvent): boolean => e.type.startsWith('incident.') || e.type.startsWith('role.') || e.type.startsWith('handover.');

/** Who holds each role by role id (deputy, scribe, comms-lead, ops-lead or a custom role's name), the commander included. */
function rolesOf(state: IncidentState): Record<string, string> {
  const roles: Record<string, string> = { commander: state.commander };
  for (const r of state.roles ?? []) roles[r.role] = r.person;
  return roles;
}
