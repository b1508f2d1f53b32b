// The connection to the team's NATS server: connects (and keeps retrying while the server is unreachable), sets up the team's
// stream and KV buckets, and reports online / offline / error in words the user can act on. Writes never wait for it.
import { connect, credsAuthenticator, nkeyAuthenticator, type Authenticator, type NatsConnection } from '@nats-io/transport-node';
import { credsUser, describeCredsFailure, describeCredsRefusal, readCredsFile, nkeyPublicKey, type CredsUser } from './sync-credentials';
import { jetstream, jetstreamManager, StorageType, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { devicesBucket, incidentsBucket, outboxClaimsBucket, teamStream, teamSubjects } from '../../../shared/sync/team-names';

export interface SyncSettings {
  url: string;
  team: string;
  user?: string;
  password?: string;
  /** A user nkey seed (SU…) from the vault; wins over user and password. */
  nkeySeed?: string;
  /** A NATS credentials file (user JWT + seed, as `nsc generate creds` writes it); wins over the nkey and the password. */
  credsFile?: string;
}

export type LinkState = { state: 'connecting' } | { state: 'online' } | { state: 'offline'; since: Date; message: string } | { state: 'error'; since: Date; message: string };

/** Retries are stored once within this window (Nats-Msg-Id); longer outages are covered by the readers' dedup by event id. */
const DUPLICATE_WINDOW_NS = 60 * 60 * 1e9;
const RETRY_MS = 1000;

export interface LinkHandlers {
  /** Connected (first time or again): streams and buckets are ready. */
  onOnline(): void;
  onState(state: LinkState): void;
}

export class NatsLink {
  private nc: NatsConnection | undefined;
  private js: JetStreamClient | undefined;
  private jsm: JetStreamManager | undefined;
  private kvIncidents: KV | undefined;
  private kvClaims: KV | undefined;
  private kvDevices: KV | undefined;
  private current: LinkState = { state: 'connecting' };
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  /** The user named by the .creds file last read, to explain a refusal. */
  private credsUser: CredsUser | undefined;

  constructor(
    readonly settings: SyncSettings,
    private readonly handlers: LinkHandlers,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get state(): LinkState {
    return this.current;
  }

  get isOnline(): boolean {
    return this.current.state === 'online';
  }

  get jetstream(): JetStreamClient | undefined {
    return this.isOnline ? this.js : undefined;
  }

  get manager(): JetStreamManager | undefined {
    return this.isOnline ? this.jsm : undefined;
  }

  get incidents(): KV | undefined {
    return this.kvIncidents;
  }

  get claims(): KV | undefined {
    return this.kvClaims;
  }

  /** The team's devices and their signing keys (device-registry.ts). */
  get devices(): KV | undefined {
    return this.kvDevices;
  }

  get stream(): string {
    return teamStream(this.settings.team);
  }

  /** The server address without credentials, for the status line. */
  get server(): string {
    return this.settings.url.replace(/\/\/[^@/]*@/, '//');
  }

  start(): void {
    void this.attempt();
  }

  private setState(state: LinkState): void {
    // Keep the first moment the connection was lost while it stays lost.
    if ((state.state === 'offline' || state.state === 'error') && (this.current.state === 'offline' || this.current.state === 'error')) state = { ...state, since: this.current.since };
    this.current = state;
    this.handlers.onState(state);
  }

  private async attempt(): Promise<void> {
    if (this.closed) return;
    try {
      const servers = this.settings.url.split(',');
      const tls = servers.some((s) => s.startsWith('tls://'));
      const credentials = await this.credentials();
      if (!credentials) return;
      const nc = await connect({
        servers,
        name: `firebreak-${this.settings.team}`,
        ...credentials,
        ...(tls ? { tls: {} } : {}),
        maxReconnectAttempts: -1,
        reconnectTimeWait: 250,
        timeout: 3000,
      });
      if (this.closed) return void (await nc.close());
      this.nc = nc;
      this.js = jetstream(nc);
      this.jsm = await jetstreamManager(nc);
      await this.ensureStream();
      const kvm = new Kvm(nc);
      this.kvIncidents = await kvm.create(incidentsBucket(this.settings.team), { history: 1, storage: StorageType.File });
      this.kvClaims = await kvm.create(outboxClaimsBucket(this.settings.team), { history: 1, storage: StorageType.File });
      this.kvDevices = await kvm.create(devicesBucket(this.settings.team), { history: 1, storage: StorageType.File });
      void this.watchStatus(nc);
      this.setState({ state: 'online' });
      this.handlers.onOnline();
    } catch (e) {
      await this.nc?.close().catch(() => undefined);
      this.nc = undefined;
      const message = describeFailure(e, this.server, this.settings, this.credsUser, this.now());
      this.setState({ state: isAuthFailure(e) ? 'error' : 'offline', since: this.now(), message });
      // Wrong credentials stay wrong until the settings change; an unreachable server is tried again.
      if (!isAuthFailure(e) && !this.closed) {
        this.retry = setTimeout(() => void this.attempt(), RETRY_MS);
        this.retry.unref?.();
      }
    }
  }

  /** How this laptop proves who it is: a .creds file, else an nkey, else user and password. Undefined (and the error state) when
   *  the .creds file cannot be used: that stays wrong until the file or the settings are fixed, so it is not retried. */
  private async credentials(): Promise<{ authenticator: Authenticator } | { user: string; pass: string } | Record<string, never> | undefined> {
    const { credsFile, nkeySeed, user, password } = this.settings;
    if (credsFile) {
      try {
        const creds = await readCredsFile(credsFile);
        this.credsUser = credsUser(creds);
        return { authenticator: credsAuthenticator(creds) };
      } catch (e) {
        this.setState({ state: 'error', since: this.now(), message: describeCredsFailure(e, credsFile) });
        return undefined;
      }
    }
    if (nkeySeed) return { authenticator: nkeyAuthenticator(new TextEncoder().encode(nkeySeed)) };
    return user ? { user, pass: password ?? '' } : {};
  }

  private async ensureStream(): Promise<void> {
    const config = { name: this.stream, subjects: [teamSubjects(this.settings.team)], storage: StorageType.File, duplicate_window: DUPLICATE_WINDOW_NS };
    try {
      await this.jsm!.streams.info(this.stream);
    } catch {
      await this.jsm!.streams.add(config);
    }
  }

  private async watchStatus(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (this.closed) return;
      if (s.type === 'disconnect') this.setState({ state: 'offline', since: this.now(), message: `The team server ${this.server} cannot be reached; changes are kept on this laptop and sent when it is back.` });
      else if (s.type === 'reconnect') {
        this.setState({ state: 'online' });
        this.handlers.onOnline();
      } else if (s.type === 'error' && isAuthFailure(s.error)) this.setState({ state: 'error', since: this.now(), message: describeFailure(s.error, this.server, this.settings, this.credsUser, this.now()) });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.nc?.drain().catch(() => this.nc?.close());
  }
}

function isAuthFailure(e: unknown): boolean {
  const text = `${(e as { code?: string })?.code ?? ''} ${(e as Error)?.message ?? ''}`.toLowerCase();
  return text.includes('authorization') || text.includes('authentication') || text.includes('auth');
}

function describeFailure(e: unknown, server: string, settings: SyncSettings, user: CredsUser | undefined, now: Date): string {
  if (isAuthFailure(e)) {
    const until = 'until then changes stay on this laptop.';
    if (settings.credsFile) return describeCredsRefusal(server, settings.credsFile, user, now);
    if (settings.nkeySeed) {
      const publicKey = nkeyPublicKey(settings.nkeySeed) ?? 'unknown';
      return `The team server ${server} refused the nkey with public key ${publicKey}. Store the seed whose public key the server lists (Settings → Team sync), or ask the server admin to add ${publicKey}; ${until}`;
    }
    return `The team server ${server} refused the user name or password. Check them in Settings → Team sync; ${until}`;
  }
  const text = (e as Error)?.message ?? String(e);
  // Operator mode: the account JWT carries no JetStream limits (nsc's default), so the server lets the laptop in but not its stream.
  if (/jetstream not enabled/i.test(text)) return `The team server ${server} let this laptop in, but JetStream is not enabled for its account. Ask your NATS operator to enable it for the team's account (nsc edit account --js-mem-storage -1 --js-disk-storage -1, then update the server); changes are kept on this laptop and sent when it is.`;
  return `The team server ${server} cannot be reached (${text}); changes are kept on this laptop and sent when it is back.`;
}
