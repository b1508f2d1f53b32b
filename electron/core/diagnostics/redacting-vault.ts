// Wraps the SecretVault so every secret value the core reads or stores is known to the log redactor before it can be logged.
import type { SecretVault } from '../secrets/secret-vault';
import type { SecretRedactor } from './secret-redactor';

export class RedactingVault implements SecretVault {
  constructor(
    private readonly inner: SecretVault,
    private readonly redactor: SecretRedactor,
  ) {}

  get protection(): string {
    return this.inner.protection;
  }

  async get(name: string): Promise<string | undefined> {
    const value = await this.inner.get(name);
    this.redactor.remember(value);
    return value;
  }

  async set(name: string, value: string): Promise<void> {
    // Remembered first: a failing write may well log an error that carries the value.
    this.redactor.remember(value);
    await this.inner.set(name, value);
  }

  delete(name: string): Promise<void> {
    // A deleted value stays remembered: it may still sit in older log lines' neighbours (error messages, stack traces).
    return this.inner.delete(name);
  }

  /** Answered through get() so settings views, which only ask whether a secret exists, still teach the redactor its value. */
  async has(name: string): Promise<boolean> {
    return (await this.get(name)) !== undefined;
  }
}
