// The team's hot-fix policy, kept in <dataDir>/hotfix-policy.json (written durably); defaults apply until someone saves one.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultHotfixPolicy, HotfixPolicy } from '../../../shared/hotfix/hotfix-policy';
import type { HotfixPolicyInfo } from '../../../shared/ipc/hotfix';
import { DomainError } from '../../../shared/result';
import { writeFileDurably } from '../base/durable-file';

export const HOTFIX_POLICY_FILE = 'hotfix-policy.json';

export class HotfixPolicyFile {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, HOTFIX_POLICY_FILE);
  }

  /** The policy in force. A broken file is reported and the defaults are used; the file stays as it is for the user to fix. */
  async load(): Promise<HotfixPolicyInfo> {
    const fallback = (problem?: string): HotfixPolicyInfo => ({ policy: defaultHotfixPolicy, origin: 'default', file: this.path, ...(problem ? { problem } : {}) });
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return fallback();
      return fallback(`Could not read ${this.path}: ${(e as Error).message}. Using the default hot-fix policy.`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return fallback(`${this.path} is not valid JSON (${(e as Error).message}). Using the default hot-fix policy.`);
    }
    const parsed = HotfixPolicy.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return fallback(`${this.path}: ${issue.path.join('.') || '(root)'}: ${issue.message}. Using the default hot-fix policy.`);
    }
    return { policy: parsed.data, origin: 'file', file: this.path };
  }

  async save(policy: unknown): Promise<HotfixPolicyInfo> {
    const parsed = HotfixPolicy.safeParse(policy);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(policy)'}: ${i.message}`);
      throw new DomainError('validation', `The hot-fix policy was not saved: ${details[0]}`, details);
    }
    await writeFileDurably(this.path, JSON.stringify(parsed.data, null, 2) + '\n');
    return { policy: parsed.data, origin: 'file', file: this.path };
  }
}
