// Gives each event this laptop writes its global id (device id + local seq) and hybrid logical clock value.
import type { EventStamper } from '../store/incident-log';
import { decodeHlc, encodeHlc, HLC_ZERO, receive, tick, type Hlc } from '../../../shared/sync/hlc';

export class HlcStamper implements EventStamper {
  private last: Hlc = HLC_ZERO;
  /** Events are stamped only while sync is on, so a laptop that never syncs writes exactly the events it always did. */
  enabled = false;

  constructor(
    readonly deviceId: string,
    private readonly now: () => number = Date.now,
  ) {}

  stamp(seq: number): { id?: string; hlc?: string } {
    if (!this.enabled) return {};
    this.last = tick(this.last, this.now());
    return { id: `${this.deviceId}.${seq}`, hlc: encodeHlc(this.last) };
  }

  received(hlc: string): void {
    this.last = receive(this.last, decodeHlc(hlc), this.now());
  }
}
