// The status page settings in <dataDir>/status-page.json: title, public address, components and where the page is written.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StatusPageSettings, type StatusPageSettingsInput } from '../../../shared/status-page/status-page-model';
import { DomainError } from '../../../shared/result';
import { writeFileDurably } from '../base/durable-file';

export const STATUS_PAGE_FILE = 'status-page.json';

export interface StatusPageSettingsInfo {
  settings?: StatusPageSettings;
  file: string;
  /** Why the saved file is not usable, when it is broken; the page is then not published until it is saved again. */
  problem?: string;
}

export class StatusPageSettingsFile {
  readonly path: string;
  private listeners = new Set<() => void>();

  constructor(dataDir: string) {
    this.path = join(dataDir, STATUS_PAGE_FILE);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async load(): Promise<StatusPageSettingsInfo> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { file: this.path };
      return { file: this.path, problem: `Could not read ${this.path}: ${(e as Error).message}.` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { file: this.path, problem: `${this.path} is not valid JSON (${(e as Error).message}); save the status page settings again.` };
    }
    const parsed = StatusPageSettings.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { file: this.path, problem: `${this.path}: ${issue.path.join('.') || '(root)'}: ${issue.message}; save the status page settings again.` };
    }
    return { settings: parsed.data, file: this.path };
  }

  async save(input: StatusPageSettingsInput): Promise<StatusPageSettingsInfo> {
    const parsed = StatusPageSettings.safeParse(input);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`);
      throw new DomainError('validation', `The status page settings were not saved: ${parsed.error.issues[0]!.message}.`, details);
    }
    await writeFileDurably(this.path, JSON.stringify(parsed.data, null, 2) + '\n');
    for (const l of this.listeners) l();
    return { settings: parsed.data, file: this.path };
  }
}
