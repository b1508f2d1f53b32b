// The service catalogue in <dataDir>/services.json: validated on every read, written atomically, unknown keys kept for other domains.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { ServiceConfig, ServicesFile } from '../../../shared/services/service-config';
import { DomainError } from '../../../shared/result';

export const SERVICES_FILE = 'services.json';

export interface CatalogueRead {
  services: ServiceConfig[];
  /** services.json's historyPollSeconds, when set. */
  historyPollSeconds?: number;
  /** Set when the file exists but cannot be used; the file is then never overwritten. */
  problem?: { message: string; details: string[] };
}

function issuesOf(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((i) => `${prefix}${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(file)'}: ${i.message}`);
}

export class ServiceCatalogue {
  private writing: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  static inDataDir(dataDir: string): ServiceCatalogue {
    return new ServiceCatalogue(join(dataDir, SERVICES_FILE));
  }

  private async readRaw(): Promise<{ raw: Record<string, unknown> | undefined; problem?: CatalogueRead['problem'] }> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { raw: undefined };
      return { raw: undefined, problem: { message: `Cannot read ${this.file}: ${(e as Error).message}`, details: [this.file] } };
    }
    try {
      const raw: unknown = JSON.parse(text);
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
        return { raw: undefined, problem: { message: `${this.file} must hold a JSON object with a "services" array.`, details: [this.file] } };
      }
      return { raw: raw as Record<string, unknown> };
    } catch (e) {
      return { raw: undefined, problem: { message: `${this.file} is not valid JSON: ${(e as Error).message}`, details: [this.file] } };
    }
  }

  async read(): Promise<CatalogueRead> {
    const { raw, problem } = await this.readRaw();
    if (problem) return { services: [], problem };
    if (!raw) return { services: [] };
    const parsed = ServicesFile.safeParse(raw);
    if (!parsed.success) {
      const details = issuesOf(parsed.error);
      return { services: [], problem: { message: `${this.file} has ${details.length} problem(s); first: ${details[0]}`, details } };
    }
    return { services: parsed.data.services, ...(parsed.data.historyPollSeconds ? { historyPollSeconds: parsed.data.historyPollSeconds } : {}) };
  }

  /** The configured services; a broken file is an error with every problem listed, not an empty list. */
  async list(): Promise<ServiceConfig[]> {
    const { services, problem } = await this.read();
    if (problem) throw new DomainError('validation', problem.message, problem.details);
    return services;
  }

  async get(name: string): Promise<ServiceConfig> {
    const found = (await this.list()).find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new DomainError('not_found', `No service named "${name}" in ${this.file}. Add it to the service catalogue first.`);
    return found;
  }

  /** Adds or replaces the entry with the same name; keys this version does not know are kept as given. */
  put(entry: unknown): Promise<ServiceConfig> {
    return this.serialised(async () => {
      const parsedEntry = ServiceConfig.safeParse(entry);
      if (!parsedEntry.success) {
        const details = issuesOf(parsedEntry.error);
        throw new DomainError('validation', `The service entry is invalid: ${details[0]}`, details);
      }
      const raw = await this.writableRaw();
      const services = Array.isArray(raw.services) ? [...(raw.services as unknown[])] : [];
      const name = parsedEntry.data.name.toLowerCase();
      const index = services.findIndex((s) => typeof (s as { name?: unknown })?.name === 'string' && (s as { name: string }).name.toLowerCase() === name);
      if (index >= 0) services[index] = entry;
      else services.push(entry);
      await this.write({ ...raw, services });
      return parsedEntry.data;
    });
  }

  remove(name: string): Promise<void> {
    return this.serialised(async () => {
      const raw = await this.writableRaw();
      const services = Array.isArray(raw.services) ? (raw.services as { name?: unknown }[]) : [];
      const kept = services.filter((s) => typeof s?.name !== 'string' || s.name.toLowerCase() !== name.toLowerCase());
      if (kept.length === services.length) throw new DomainError('not_found', `No service named "${name}" in ${this.file}.`);
      await this.write({ ...raw, services: kept });
    });
  }

  private async writableRaw(): Promise<Record<string, unknown>> {
    const { raw, problem } = await this.readRaw();
    if (problem) throw new DomainError('conflict', `${problem.message} Fix the file by hand first; Firebreak will not overwrite it.`, problem.details);
    const current = raw ?? { services: [] };
    const parsed = ServicesFile.safeParse(current);
    if (!parsed.success) {
      const details = issuesOf(parsed.error);
      throw new DomainError('conflict', `${this.file} is invalid (${details[0]}). Fix the file by hand first; Firebreak will not overwrite it.`, details);
    }
    return current;
  }

  private async write(raw: Record<string, unknown>): Promise<void> {
    const parsed = ServicesFile.safeParse(raw);
    if (!parsed.success) {
      const details = issuesOf(parsed.error);
      throw new DomainError('validation', `The catalogue would become invalid: ${details[0]}`, details);
    }
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, `${JSON.stringify(raw, null, 2)}\n`, { encoding: 'utf8', flush: true });
    await rename(tmp, this.file);
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work, work);
    this.writing = run.catch(() => undefined);
    return run;
  }
}
