// Per shared incident, `sync-order.jsonl` beside the log: which events the team server has sequenced and at which stream
// sequence. The log stays the record of what this laptop wrote and received (in the order it did); this file is what puts
// those events in the team's order. Appended and fsynced before the delivery is acknowledged, so a crash in between only
// means the server delivers the event again (recognised by its id, never appended twice).
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from '../base/durable-file';

export const SYNC_ORDER_FILE = 'sync-order.jsonl';

export interface Sequenced {
  id: string;
  streamSeq: number;
}

export class SyncOrderFile {
  private handle: FileHandle | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly incidentDir: string) {}

  /** Every recorded entry; a torn last line (a crash mid-write) is skipped, the server delivers that event again. */
  async read(): Promise<Sequenced[]> {
    const text = await readFile(join(this.incidentDir, SYNC_ORDER_FILE), 'utf8').catch(() => '');
    const entries: Sequenced[] = [];
    for (const line of text.split('\n')) {
      try {
        const parsed = JSON.parse(line) as Partial<Sequenced>;
        if (typeof parsed.id === 'string' && Number.isInteger(parsed.streamSeq)) entries.push({ id: parsed.id, streamSeq: parsed.streamSeq! });
      } catch {
        // an empty or torn line
      }
    }
    return entries;
  }

  /** Appends and fsyncs; calls are written in call order. */
  append(entries: readonly Sequenced[]): Promise<void> {
    const next = this.writing.then(async () => {
      this.handle ??= await open(join(this.incidentDir, SYNC_ORDER_FILE), 'a', PRIVATE_FILE_MODE);
      // A torn line from a crash is ended first, so the next entry starts on its own line.
      await this.handle.write('\n' + entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
      await this.handle.datasync();
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.writing;
    await this.handle?.close();
    this.handle = undefined;
  }
}
