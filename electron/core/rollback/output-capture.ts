// Keeps the head and the tail of a command's output within a fixed budget, so huge output never fills memory or the log.
export class OutputCapture {
  private head = '';
  private tail = '';
  private total = 0;

  constructor(
    private readonly headChars = 4_000,
    private readonly tailChars = 12_000,
  ) {}

  push(chunk: string): void {
    this.total += chunk.length;
    if (this.head.length < this.headChars) {
      const room = this.headChars - this.head.length;
      this.head += chunk.slice(0, room);
      chunk = chunk.slice(room);
    }
    if (chunk.length === 0) return;
    this.tail = (this.tail + chunk).slice(-this.tailChars);
  }

  get totalChars(): number {
    return this.total;
  }

  /** Everything if it fit; otherwise head, a marker saying how much was left out, and tail. */
  text(): string {
    const omitted = this.total - this.head.length - this.tail.length;
    return omitted > 0 ? `${this.head}\n… [${omitted} characters omitted] …\n${this.tail}` : this.head + this.tail;
  }

  /** The last `chars` characters, for the timeline's output tail. */
  lastChars(chars = 2_000): string {
    const all = this.head.length + this.tail.length < this.total ? this.tail : this.head + this.tail;
    return all.length > chars ? `…${all.slice(-chars)}` : all;
  }
}

/**
 * Coalesces streamed output into at most one push every `intervalMs`, each at most `maxChars` long,
 * so a command that prints megabytes does not flood the windows.
 */
export class OutputStream {
  private pending = '';
  private dropped = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly emit: (chunk: string) => void,
    private readonly intervalMs = 150,
    private readonly maxChars = 8_000,
  ) {}

  write(chunk: string): void {
    this.pending += chunk;
    if (this.pending.length > this.maxChars) {
      this.dropped += this.pending.length - this.maxChars;
      this.pending = this.pending.slice(-this.maxChars);
    }
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending && !this.dropped) return;
    const prefix = this.dropped > 0 ? `… [${this.dropped} characters skipped in the live view] …\n` : '';
    this.emit(prefix + this.pending);
    this.pending = '';
    this.dropped = 0;
  }
}
