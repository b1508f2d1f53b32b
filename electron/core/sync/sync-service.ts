// Team sync as the app sees it: the settings in force (the command line and environment win over the Settings form), the
// password in the vault, the engine's lifecycle, and the status the header shows. With no server configured nothing runs.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncIncidentView, SyncSettingsView, SyncStatusView, TeamDeviceView } from '../../../shared/ipc/sync';
import { currentStatusConflict } from '../../../shared/sync/status-conflict';
import { NKEY_SEED_HINT, SyncSettingsInput } from '../../../shared/ipc/sync';
import type { z } from 'zod';
import { DomainError } from '../../../shared/result';
import { PRIVATE_DIR_MODE, writeFileDurably } from '../base/durable-file';
import type { SecretVault } from '../secrets/secret-vault';
import type { IncidentStore } from '../store/incident-store';
import { HlcStamper } from './hlc-stamper';
import type { SyncSettings } from './nats-link';
import { TeamSync, type TeamSyncOptions } from './team-sync';
import { nkeyPublicKey } from './sync-credentials';

/** The seed file FIREBREAK_SYNC_NKEY_SEED_FILE names: the seed alone, or a file with one SU… line (as `nk -gen user` writes). */
async function readSeedFile(path: string): Promise<string> {
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new Error(`Team sync: the nkey seed file ${path} (FIREBREAK_SYNC_NKEY_SEED_FILE) cannot be read (${e.code ?? e.message}).`);
  });
  return text.match(/\bSU[A-Z2-7]{56}\b/)?.[0] ?? text.trim();
}

const PASSWORD_SECRET = 'sync.password';
const NKEY_SECRET = 'sync.nkeySeed';

/** Sync settings given at start: `--sync <url>` / `--team <name>` or FIREBREAK_SYNC_URL, FIREBREAK_TEAM, FIREBREAK_SYNC_USER,
 *  FIREBREAK_SYNC_PASSWORD, FIREBREAK_SYNC_NKEY_SEED_FILE (a file holding the user nkey seed; the seed goes to the vault) and
 *  FIREBREAK_SYNC_CREDS_FILE (a NATS .creds file, read at each connect). */
export interface StartupSync {
  url?: string;
  team?: string;
  user?: string;
  password?: string;
  nkeySeedFile?: string;
  credsFile?: string;
}

export function startupSyncFrom(argv: readonly string[], env: NodeJS.ProcessEnv): StartupSync {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const pick = (...values: (string | undefined)[]) => values.find((v) => v !== undefined && v !== '');
  const found: StartupSync = {};
  const url = pick(arg('--sync'), env.FIREBREAK_SYNC_URL);
  const team = pick(arg('--team'), env.FIREBREAK_TEAM);
  if (url) found.url = url;
  if (team) found.team = team;
  if (env.FIREBREAK_SYNC_USER) found.user = env.FIREBREAK_SYNC_USER;
  if (env.FIREBREAK_SYNC_PASSWORD) found.password = env.FIREBREAK_SYNC_PASSWORD;
  if (env.FIREBREAK_SYNC_NKEY_SEED_FILE) found.nkeySeedFile = env.FIREBREAK_SYNC_NKEY_SEED_FILE;
  if (env.FIREBREAK_SYNC_CREDS_FILE) found.credsFile = env.FIREBREAK_SYNC_CREDS_FILE;
  return found;
}

interface SavedSettings {
  url: string;
  team: string;
  user: string;
  /** Path of a .creds file ('' for none); older settings files lack it. */
  credsFile?: string;
}

export interface SyncServiceOptions {
  dataDir: string;
  store: IncidentStore;
  vault: SecretVault;
  deviceId: string;
  stamper: HlcStamper;
  startup?: StartupSync;
  onStatus?: (status: SyncStatusView) => void;
  reportError?: (error: unknown) => void;
  /** This installation's signing identity and its user's handle: published events are signed, the key registered with the team. */
  signer: TeamSyncOptions['signer'];
  handle: () => string;
  onRefused?: TeamSyncOptions['onRefused'];
}

export class SyncService {
  private team: TeamSync | undefined;
  private source: SyncSettingsView['source'] = 'none';
  private settings: SavedSettings = { url: '', team: '', user: '', credsFile: '' };

  constructor(private readonly options: SyncServiceOptions) {}

  private get file(): string {
    return join(this.options.dataDir, 'sync', 'settings.json');
  }

  get engine(): TeamSync | undefined {
    return this.team;
  }

  async start(): Promise<void> {
    const startup = this.options.startup ?? {};
    if (startup.url && startup.team) {
      const nkeySeed = startup.nkeySeedFile ? await readSeedFile(startup.nkeySeedFile) : undefined;
      const parsed = SyncSettingsInput.safeParse({ url: startup.url, team: startup.team, user: startup.user ?? '', credsFile: startup.credsFile ?? '', ...(nkeySeed !== undefined ? { nkeySeed } : {}) });
      if (!parsed.success) throw new Error(`Team sync settings from the command line are invalid: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      this.source = 'startup';
      this.settings = { url: parsed.data.url, team: parsed.data.team, user: parsed.data.user, credsFile: parsed.data.credsFile };
      if (startup.password !== undefined) await this.options.vault.set(PASSWORD_SECRET, startup.password);
      if (parsed.data.nkeySeed) await this.storeNkey(parsed.data.nkeySeed);
    } else {
      const saved = await readFile(this.file, 'utf8').then((t) => JSON.parse(t) as SavedSettings, () => undefined);
      if (saved?.url && saved.team) {
        this.source = 'settings';
        this.settings = saved;
      }
    }
    await this.run();
  }

  private async run(): Promise<void> {
    await this.team?.close();
    this.team = undefined;
    this.options.stamper.enabled = false;
    if (this.source !== 'none') {
      const password = await this.options.vault.get(PASSWORD_SECRET);
      const nkeySeed = await this.options.vault.get(NKEY_SECRET);
      const settings: SyncSettings = {
        url: this.settings.url,
        team: this.settings.team,
        ...(this.settings.user ? { user: this.settings.user, password: password ?? '' } : {}),
        ...(nkeySeed ? { nkeySeed } : {}),
        ...(this.settings.credsFile ? { credsFile: this.settings.credsFile } : {}),
      };
      this.options.stamper.enabled = true;
      const { store, deviceId, onStatus, reportError, signer, handle, onRefused } = this.options;
      this.team = new TeamSync({ store, settings, deviceId, onStatus, reportError, signer, handle, onRefused });
      await this.team.start();
    }
    this.options.onStatus?.(this.status());
  }

  status(): SyncStatusView {
    return this.team?.status() ?? { state: 'off', pendingEvents: 0, deviceId: this.options.deviceId };
  }

  /** The team's devices with their key fingerprints (none while sync is off). */
  devices(): TeamDeviceView[] {
    return this.team?.devices() ?? [];
  }

  async view(): Promise<SyncSettingsView> {
    const seed = await this.options.vault.get(NKEY_SECRET);
    const publicKey = seed ? nkeyPublicKey(seed) : undefined;
    const { url, team, user, credsFile } = this.settings;
    return { url, team, user, credsFile: credsFile ?? '', hasPassword: await this.options.vault.has(PASSWORD_SECRET), ...(publicKey ? { nkeyPublicKey: publicKey } : {}), source: this.source };
  }

  /** Keeps a user nkey seed in the vault after checking its checksum (the contract only checks its shape). */
  private async storeNkey(seed: string): Promise<void> {
    if (!nkeyPublicKey(seed)) throw new DomainError('validation', NKEY_SEED_HINT, ['nkeySeed']);
    await this.options.vault.set(NKEY_SECRET, seed);
  }

  async save(input: z.output<typeof SyncSettingsInput>): Promise<SyncSettingsView> {
    const next: SavedSettings = { url: input.url, team: input.team, user: input.user, credsFile: input.credsFile };
    if ((next.url === '') !== (next.team === '')) throw new DomainError('validation', 'Give both the server address and the team name, or clear both to turn sync off.', ['url']);
    if (input.nkeySeed === '') await this.options.vault.delete(NKEY_SECRET);
    else if (input.nkeySeed !== undefined) await this.storeNkey(input.nkeySeed);
    await mkdir(join(this.options.dataDir, 'sync'), { recursive: true, mode: PRIVATE_DIR_MODE });
    await writeFileDurably(this.file, JSON.stringify(next, null, 2));
    if (input.password !== undefined) {
      if (input.password === '') await this.options.vault.delete(PASSWORD_SECRET);
      else await this.options.vault.set(PASSWORD_SECRET, input.password);
    }
    this.settings = next;
    this.source = next.url ? 'settings' : 'none';
    await this.run();
    return this.view();
  }

  /** Whether the incident is shared, and which concurrent status change stands (in the team order every laptop folds). */
  incident(incidentId: string): SyncIncidentView {
    this.options.store.get(incidentId);
    const team = this.team;
    if (!team?.isShared(incidentId)) return { shared: false };
    const conflict = currentStatusConflict(team.mergedEvents(incidentId));
    return { shared: true, ...(conflict ? { statusConflict: conflict } : {}) };
  }

  /** Outbox items of shared incidents are sent by the one laptop that claims them; with sync off, always this one. */
  claimOutbox(incidentId: string, intentKey: string): Promise<boolean> {
    return this.team ? this.team.claimOutbox(incidentId, intentKey) : Promise.resolve(true);
  }

  async close(): Promise<void> {
    await this.team?.close();
    this.team = undefined;
  }
}
