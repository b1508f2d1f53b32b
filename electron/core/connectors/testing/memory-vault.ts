// Test support: a SecretVault held in memory, for tests that are not about encryption at rest.
import type { SecretVault } from '../../secrets/secret-vault';

export class MemoryVault implements SecretVault {
  readonly protection = 'memory (tests only)';
  private readonly values = new Map<string, string>();

  async get(name: string): Promise<string | undefined> {
    return this.values.get(name);
  }

  async set(name: string, value: string): Promise<void> {
    this.values.set(name, value);
  }

  async delete(name: string): Promise<void> {
    this.values.delete(name);
  }

  async has(name: string): Promise<boolean> {
    return this.values.has(name);
  }
}
