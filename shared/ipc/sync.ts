// IPC contract for team sync: the connection state the header shows ("offline since 10:42 · 7 events to sync") and the
// Settings form that points Firebreak at a team server.
import { z } from 'zod';
import { request } from './define';
import { TEAM_NAME, TEAM_NAME_HINT } from '../sync/team-names';
import { IncidentStatus } from '../incidents/status';

export const SyncState = z.enum(['off', 'connecting', 'online', 'offline', 'error']);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatusView = z.object({
  state: SyncState,
  team: z.string().optional(),
  /** The server URL without credentials. */
  server: z.string().optional(),
  /** When the connection was lost (ISO 8601); set while offline or in error. */
  offlineSince: z.string().optional(),
  /** Events written on this laptop that the team server has not confirmed yet. */
  pendingEvents: z.number().int().nonnegative(),
  /** What went wrong, in words the user can act on (wrong password, server unreachable). */
  message: z.string().optional(),
  deviceId: z.string().optional(),
  /** Events from the team that failed verification and were never added to this laptop's log, by claimed device and reason. */
  refused: z.array(z.object({ deviceId: z.string(), events: z.number().int().positive(), reason: z.string(), notice: z.string() })).optional(),
  /** Events held back unverified because their device has no key registered with the team (yet); added once one is. */
  unverified: z.number().int().nonnegative().optional(),
  /** This laptop's own key could not be registered with the team (its device id is taken by another key): why, and the fix. */
  registration: z.string().optional(),
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

export const SyncUrl = z
  .string()
  .trim()
  .regex(
    /^(nats|tls):\/\/[^\s/,]+\/?(,(nats|tls):\/\/[^\s/,]+\/?)*$/,
    'The server address looks like nats://host:4222 (or tls://host:4222 for TLS); list the nodes of a cluster separated by commas.',
  );

export const SyncSettingsView = z.object({
  url: z.string(),
  team: z.string(),
  user: z.string(),
  hasPassword: z.boolean(),
  /** The public key (U…) of the nkey stored in the vault; the seed itself never leaves the main process. */
  nkeyPublicKey: z.string().optional(),
  /** Path of the NATS .creds file the main process reads at connect ('' when none). */
  credsFile: z.string(),
  /** Where the settings in force come from: the command line or environment win over the saved form. */
  source: z.enum(['none', 'settings', 'startup']),
});
export type SyncSettingsView = z.infer<typeof SyncSettingsView>;

export const NKEY_SEED_HINT = 'That is not a NATS user nkey seed: it starts with SU and is 58 characters long (`nk -gen user` prints it). The public key starting with U goes in the server configuration, not here.';

export const SyncSettingsInput = z.object({
  /** Empty turns sync off. */
  url: z.union([z.literal(''), SyncUrl]),
  team: z.union([z.literal(''), z.string().trim().regex(TEAM_NAME, TEAM_NAME_HINT)]),
  user: z.string().trim().max(200).default(''),
  /** Undefined keeps the stored password; empty removes it. */
  password: z.string().max(500).optional(),
  /** A user nkey seed (SU…) for the vault. Undefined keeps the stored one; empty removes it. */
  nkeySeed: z.union([z.literal(''), z.string().trim().regex(/^SU[A-Z2-7]{56}$/, NKEY_SEED_HINT)]).optional(),
  /** Path of a NATS .creds file (user JWT + seed) on this computer; empty for none. */
  credsFile: z.string().trim().max(1000).default(''),
});

export const TeamDeviceView = z.object({
  deviceId: z.string(),
  handle: z.string(),
  /** The fingerprint of the device's Ed25519 signing key, to compare aloud with the colleague's Settings → Signing keys. */
  fingerprint: z.string(),
  registeredAt: z.string(),
  thisDevice: z.boolean(),
});
export type TeamDeviceView = z.infer<typeof TeamDeviceView>;

const Change = z.object({ status: IncidentStatus, actor: z.string(), at: z.string() });

export const SyncIncidentView = z.object({
  /** Whether the incident is shared with the team (declared while sync was on, or received from the team). */
  shared: z.boolean(),
  /** Set when the current status was set at the same time as another change (see shared/sync/status-conflict.ts). */
  statusConflict: z.object({ stands: Change, overridden: Change, explanation: z.string() }).optional(),
});
export type SyncIncidentView = z.infer<typeof SyncIncidentView>;

export const syncContract = {
  'sync.incident': request('Whether the incident is shared with the team, and which concurrent status change stands', z.object({ incidentId: z.string().min(1) }), SyncIncidentView),
  'sync.status': request('Whether this laptop is connected to the team server, and how many events wait to be synced', z.object({}), SyncStatusView),
  'sync.devices': request("The team's devices as the team server lists them: handle and signing-key fingerprint", z.object({}), z.object({ devices: z.array(TeamDeviceView) })),
  'sync.settings.get': request('The team server this installation syncs with', z.object({}), SyncSettingsView),
  'sync.settings.save': request('Point this installation at a team server (or turn sync off)', SyncSettingsInput, SyncSettingsView),
};

export const syncEventContract = {
  /** The connection state or the number of events waiting changed. */
  'sync.statusChanged': SyncStatusView,
};
