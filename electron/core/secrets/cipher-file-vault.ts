// A SecretVault kept as one encrypted file (written atomically, mode 0600); the cipher decides how it is protected.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { writeFileDurably } from '../base/durable-file';
import { dirname } from 'node:path';
import { DomainError } from '../../../shared/result';
import { assertSecretName, type SecretCipher, type SecretVault } from './secret-vault';

export class CipherFileVault implements SecretVault {
  private cache: Record<string, string> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
  ) {}

  get protection(): string {
    return this.cipher.description;
  }

  private async load(): Promise<Record<string, string>> {
    if (this.cache) return this.cache;
    let data: Buffer;
    try {
      data = await readFile(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return (this.cache = {});
      throw e;
    }
    try {
      const parsed = JSON.parse(await this.cipher.decrypt(data)) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('unexpected content');
      this.cache = Object.fromEntries(Object.entries(parsed as Record<string, unknown>).filter((kv): kv is [string, string] => typeof kv[1] === 'string'));
      return this.cache;
    } catch (e) {
      // Never print the file or the key; say where and what to do.
      throw new DomainError('unavailable', `Connector secrets in ${this.file} cannot be read: ${(e as Error).message} Re-enter the tokens in Settings to replace the file.`);
    }
  }

  private async save(values: Record<string, string>): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    await writeFileDurably(this.file, await this.cipher.encrypt(JSON.stringify(values)));
    this.cache = values;
  }

  async get(name: string): Promise<string | undefined> {
    assertSecretName(name);
    return (await this.load())[name];
  }

  async has(name: string): Promise<boolean> {
    return (await this.get(name)) !== undefined;
  }

  async set(name: string, value: string): Promise<void> {
    assertSecretName(name);
    return this.serialised(async () => {
      const current = await this.tolerantLoad();
      await this.save({ ...current, [name]: value });
    });
  }

  async delete(name: string): Promise<void> {
    assertSecretName(name);
    return this.serialised(async () => {
      const current = { ...(await this.tolerantLoad()) };
      delete current[name];
      if (Object.keys(current).length === 0) {
        await rm(this.file, { force: true });
        this.cache = {};
      } else await this.save(current);
    });
  }

  /** A vault that cannot be decrypted (lost key) is replaced by the next save rather than blocking new tokens forever. */
  private async tolerantLoad(): Promise<Record<string, string>> {
    try {
      return await this.load();
    } catch {
      return {};
    }
  }

  private serialised(task: () => Promise<void>): Promise<void> {
    const run = this.writing.then(task, task);
    this.writing = run.catch(() => undefined);
    return run;
  }
}
