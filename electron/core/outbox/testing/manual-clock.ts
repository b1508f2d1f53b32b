// Test support: a simulated clock for the outbox worker; time moves only when the test advances it, firing due timers in order.
export class ManualClock {
  private at: number;
  private readonly timers: { due: number; fn: () => void }[] = [];
  readonly startedAt: number;

  constructor(startMs = Date.parse('2026-11-25T12:00:00Z')) {
    this.at = startMs;
    this.startedAt = startMs;
  }

  readonly now = (): number => this.at;

  get elapsed(): number {
    return this.at - this.startedAt;
  }

  readonly setTimer = (fn: () => void, ms: number): (() => void) => {
    const timer = { due: this.at + ms, fn };
    this.timers.push(timer);
    return () => {
      const i = this.timers.indexOf(timer);
      if (i >= 0) this.timers.splice(i, 1);
    };
  };

  /** Moves time forward and runs every timer that fell due, earliest first. */
  advance(ms: number): void {
    this.at += ms;
    for (;;) {
      const due = this.timers.filter((t) => t.due <= this.at).sort((a, b) => a.due - b.due)[0];
      if (!due) return;
      this.timers.splice(this.timers.indexOf(due), 1);
      due.fn();
    }
  }
}
