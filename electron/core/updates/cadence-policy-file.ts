// The update cadence policy per severity, kept in <dataDir>/update-cadence.json; defaults apply until someone saves one.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CadencePolicy, defaultCadencePolicy } from '../../../shared/updates/cadence';
import type { CadencePolicyInfo } from '../../../shared/ipc/updates';
import { DomainError } from '../../../shared/result';
import { writeFileDurably } from '../base/durable-file';

export const CADENCE_FILE = 'update-cadence.json';

export class CadencePolicyFile {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, CADENCE_FILE);
  }

  /** The policy in force. A broken file is reported and the defaults are used; the file is left as it is for the user to fix. */
  async load(): Promise<CadencePolicyInfo> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { policy: defaultCadencePolicy, origin: 'default', file: this.path };
      return { policy: defaultCadencePolicy, origin: 'default', file: this.path, problem: `Could not read ${this.path}: ${(e as Error).message}. Using the default cadence.` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { policy: defaultCadencePolicy, origin: 'default', file: this.path, problem: `${this.path} is not valid JSON (${(e as Error).message}). Using the default cadence.` };
    }
    const parsed = CadencePolicy.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { policy: defaultCadencePolicy, origin: 'default', file: this.path, problem: `${this.path}: ${issue.path.join('.') || '(root)'}: ${issue.message}. Using the default cadence.` };
    }
    return { policy: parsed.data, origin: 'file', file: this.path };
  }

  async save(policy: CadencePolicy): Promise<CadencePolicyInfo> {
    const parsed = CadencePolicy.safeParse(policy);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(policy)'}: ${i.message}`);
      throw new DomainError('validation', `The cadence was not saved: ${details[0]}`, details);
    }
    // A temp file per save (two saves at once must never share one), fsynced before it replaces the policy.
    await writeFileDurably(this.path, JSON.stringify(parsed.data, null, 2) + '\n');
    return { policy: parsed.data, origin: 'file', file: this.path };
  }
}
