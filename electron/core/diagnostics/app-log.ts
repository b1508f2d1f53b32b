// The application log: JSON lines (time, level, area, message, fields) in <dataDir>/logs/firebreak.log, redacted before
// anything reaches the disk, rotated at ~5 MB keeping three older files (firebreak.log.1 … .3).
import { appendFile, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { moveDurably } from '../base/durable-file';
import { join } from 'node:path';
import { SecretRedactor } from './secret-redactor';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogRecord {
  time: string;
  level: LogLevel;
  area: string;
  message: string;
  fields?: Record<string, unknown>;
}

export interface AppLogOptions {
  dataDir: string;
  redactor?: SecretRedactor;
  maxBytes?: number;
  keep?: number;
  now?: () => Date;
  /** Also hand each written (already redacted) line to this sink, e.g. the terminal in browser mode. */
  echo?: (line: string) => void;
}

export const LOG_FILE = 'firebreak.log';
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_KEEP = 3;
const MAX_MESSAGE = 8_000;

export class AppLog {
  readonly dir: string;
  readonly file: string;
  readonly redactor: SecretRedactor;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly now: () => Date;
  private size: number | undefined;
  private queue: Promise<void> = Promise.resolve();
  private failures = 0;

  constructor(private readonly options: AppLogOptions) {
    this.dir = join(options.dataDir, 'logs');
    this.file = join(this.dir, LOG_FILE);
    this.redactor = options.redactor ?? new SecretRedactor();
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.keep = options.keep ?? DEFAULT_KEEP;
    this.now = options.now ?? (() => new Date());
  }

  debug(area: string, message: string, fields?: Record<string, unknown>): void {
    this.write('debug', area, message, fields);
  }
  info(area: string, message: string, fields?: Record<string, unknown>): void {
    this.write('info', area, message, fields);
  }
  warn(area: string, message: string, fields?: Record<string, unknown>): void {
    this.write('warn', area, message, fields);
  }
  error(area: string, message: string, fields?: Record<string, unknown>): void {
    this.write('error', area, message, fields);
  }

  /** Formats and queues one record; writes are serialised so lines never interleave and rotation sees every byte. */
  write(level: LogLevel, area: string, message: string, fields?: Record<string, unknown>): void {
    const line = this.format(level, area, message, fields);
    this.queue = this.queue.then(() => this.append(line)).catch(() => {
      // A full disk or a read-only data directory must not take the app down; count it for the diagnostics report.
      this.failures += 1;
    });
  }

  /** Resolves when everything logged so far is on disk. */
  flush(): Promise<void> {
    return this.queue;
  }

  /** How many lines could not be written (disk full, permissions). */
  get writeFailures(): number {
    return this.failures;
  }

  /** The last `count` lines across the current and rotated files, oldest first. */
  async tail(count: number): Promise<string[]> {
    await this.flush();
    const lines: string[] = [];
    for (const file of [this.file, ...this.rotated()]) {
      if (lines.length >= count) break;
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      const fileLines = text.split('\n').filter((l) => l.length > 0);
      lines.unshift(...fileLines.slice(-(count - lines.length)));
    }
    return lines.slice(-count);
  }

  private format(level: LogLevel, area: string, message: string, fields?: Record<string, unknown>): string {
    const r = this.redactor;
    const record: LogRecord = {
      time: this.now().toISOString(),
      level,
      area: r.redactText(area).slice(0, 80),
      message: r.redactText(message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message),
    };
    const safeFields = fields === undefined ? undefined : (r.redactValue(fields) as Record<string, unknown>);
    if (safeFields && Object.keys(safeFields).length > 0) record.fields = safeFields;
    // Redact the serialised line once more: JSON escaping must not turn a secret back into something else that leaks.
    return r.redactText(JSON.stringify(record));
  }

  private rotated(): string[] {
    return Array.from({ length: this.keep }, (_, i) => `${this.file}.${i + 1}`);
  }

  private async append(line: string): Promise<void> {
    const bytes = Buffer.byteLength(line) + 1;
    if (this.size === undefined) {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      this.size = await stat(this.file).then(
        (s) => s.size,
        () => 0,
      );
    }
    if (this.size > 0 && this.size + bytes > this.maxBytes) await this.rotate();
    await appendFile(this.file, `${line}\n`, { mode: 0o600 });
    this.size += bytes;
    this.options.echo?.(line);
  }

  private async rotate(): Promise<void> {
    const files = this.rotated();
    const oldest = files.at(-1);
    if (oldest === undefined) {
      await rm(this.file, { force: true });
    } else {
      await rm(oldest, { force: true });
      for (let i = files.length - 1; i > 0; i -= 1) {
        await moveDurably(files[i - 1]!, files[i]!).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'ENOENT') throw e;
        });
      }
      await moveDurably(this.file, files[0]!);
    }
    this.size = 0;
  }
}
