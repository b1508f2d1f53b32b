// The outbox's in-flight journal: intents whose latest attempt may have reached the remote without a recorded outcome.
// Attempts are not written to the incident log one by one (a long outage would flood the timeline), so this small fsynced
// file is what makes the next run check for an earlier copy before resending after a crash mid-send.
import { readFile } from 'node:fs/promises';
import { writeFileDurably } from '../base/durable-file';

export class InflightJournal {
  private readonly keys = new Set<string>();
  private loaded: Promise<ReadonlySet<string>> | undefined;
  private unreadable = false;

  constructor(private readonly file: string) {}

  /** Intents left in flight by the previous run (read once); they must be checked before they are sent again. */
  leftover(): Promise<ReadonlySet<string>> {
    this.loaded ??= readFile(this.file, 'utf8').then(
      (text) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          // Written atomically, so this is damage from outside: every intent with an earlier attempt is then treated as in doubt.
          this.unreadable = true;
        }
        const keys = Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
        for (const k of keys) this.keys.add(k);
        return new Set(keys);
      },
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return new Set<string>();
        throw e;
      },
    );
    return this.loaded;
  }

  has(intentKey: string): boolean {
    return this.unreadable || this.keys.has(intentKey);
  }

  /** Durable before the request leaves. */
  async add(intentKey: string): Promise<void> {
    await this.leftover();
    if (this.keys.has(intentKey)) return;
    this.keys.add(intentKey);
    await this.write();
  }

  /**
   * The outcome is known: recorded in the log, or the request provably never left. Written with the next add, not now: a
   * stale entry only costs one needless check after a crash, and this halves the fsyncs per write.
   */
  async remove(intentKey: string): Promise<void> {
    await this.leftover();
    this.keys.delete(intentKey);
  }

  private write(): Promise<void> {
    return writeFileDurably(this.file, JSON.stringify([...this.keys]));
  }
}
