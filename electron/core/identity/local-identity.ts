// Who uses this installation: the name and handle the user set on first run (<dataDir>/identity.json) and the device id made
// once per installation (<dataDir>/device.json). Both are written durably; the OS user name is never used as anyone's name.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DeviceId, Handle, PersonName, type IdentityView } from '../../../shared/ipc/identity';
import { DomainError } from '../../../shared/result';
import { writeFileDurably } from '../base/durable-file';

export const IDENTITY_FILE = 'identity.json';
export const DEVICE_FILE = 'device.json';

/** Who is acting, as every event records it (the sync engine takes this as an injected value). */
export interface LocalIdentity {
  name: string;
  handle: string;
  deviceId: string;
}

const IdentityFileSchema = z.object({ name: PersonName, handle: Handle });
const DeviceFileSchema = z.object({ deviceId: DeviceId, createdAt: z.string() });

/** The saved identity file exists but cannot be used; the message says which file and how to repair it. */
export class IdentityFileError extends Error {}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** `dev_` + 16 base32 characters (80 random bits): unique per installation without any coordination. */
export function newDeviceId(): string {
  const bytes = randomBytes(16);
  let id = 'dev_';
  for (let i = 0; i < 16; i++) id += BASE32[bytes[i]! & 31];
  return id;
}

/** The installation's device id, made and saved the first time; a broken device file is an error, never silently replaced. */
export async function loadOrCreateDeviceId(dataDir: string): Promise<string> {
  const file = join(dataDir, DEVICE_FILE);
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw new IdentityFileError(`Could not read ${file}: ${e.message}.`);
  });
  if (text === undefined) {
    const deviceId = newDeviceId();
    await writeFileDurably(file, JSON.stringify({ deviceId, createdAt: new Date().toISOString() }, null, 2) + '\n');
    return deviceId;
  }
  const parsed = DeviceFileSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    throw new IdentityFileError(`${file} is damaged (it should hold this installation's device id, e.g. {"deviceId":"dev_…"}). Restore it from a backup, or delete it to give this installation a new device id.`);
  }
  return parsed.data.deviceId;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A lower-case handle made from a name given on the command line (`--operator "Ana K"` → `ana-k`). */
export function handleFromName(name: string): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '').slice(0, 40);
  return slug.length >= 2 ? slug : `op-${slug || 'x'}`;
}

export class IdentitySettings {
  readonly file: string;
  private saved: { name: string; handle: string } | undefined;
  private problem: string | undefined;

  private constructor(
    readonly deviceId: string,
    dataDir: string,
    /** From --operator or FIREBREAK_OPERATOR: scripts and tests name the operator and no one is asked. */
    private readonly override: string | undefined,
  ) {
    this.file = join(dataDir, IDENTITY_FILE);
  }

  static async open(dataDir: string, override?: string): Promise<IdentitySettings> {
    const settings = new IdentitySettings(await loadOrCreateDeviceId(dataDir), dataDir, override?.trim() || undefined);
    await settings.load();
    return settings;
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.problem = `Could not read ${this.file}: ${(e as Error).message}. Enter your name and handle again to replace it.`;
      return;
    }
    const parsed = IdentityFileSchema.safeParse(parseJson(text));
    if (parsed.success) this.saved = parsed.data;
    else this.problem = `${this.file} is damaged (it should hold your name and handle). Enter them again to replace it.`;
  }

  /** The identity every new event is recorded under; before first-run setup the name says plainly that it is not set. */
  current(): LocalIdentity {
    if (this.override) return { name: this.override, handle: handleFromName(this.override), deviceId: this.deviceId };
    if (this.saved) return { ...this.saved, deviceId: this.deviceId };
    return { name: 'Unnamed operator', handle: 'unnamed', deviceId: this.deviceId };
  }

  view(): IdentityView {
    const source = this.override ? 'override' : this.saved ? 'saved' : 'unset';
    const who = source === 'unset' ? {} : { name: this.current().name, handle: this.current().handle };
    return { ...who, deviceId: this.deviceId, source, ...(this.problem ? { problem: this.problem } : {}) };
  }

  async save(input: { name: string; handle: string }): Promise<IdentityView> {
    const parsed = IdentityFileSchema.safeParse(input);
    if (!parsed.success) throw new DomainError('validation', `Your identity was not saved: ${parsed.error.issues[0]!.message}.`, parsed.error.issues.map((i) => i.path.join('.')));
    await writeFileDurably(this.file, JSON.stringify(parsed.data, null, 2) + '\n');
    this.saved = parsed.data;
    this.problem = undefined;
    return this.view();
  }
}
