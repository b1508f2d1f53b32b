// The tally of events this laptop refused since it started, by claimed device and reason, as the cockpit's sync status shows
// it ("2 events from device dev_3f9a… were refused: signature did not verify — …"). Each event is counted once.
import type { SyncStatusView } from '../../../shared/ipc/sync';
import { refusalNotice, type RefusalReason } from './event-signature';
import type { RefusedEvent } from './incident-sync';

export class SyncRefusals {
  private readonly seen = new Set<string>();
  private readonly counts = new Map<string, { deviceId: string; reason: RefusalReason; events: number }>();

  /** Counts the event; false when it was counted already (the server delivered it again). */
  record(refused: RefusedEvent): boolean {
    const key = `${refused.incidentId}/${refused.eventId}/${refused.reason}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    const group = `${refused.deviceId}\n${refused.reason}`;
    const entry = this.counts.get(group) ?? { deviceId: refused.deviceId, reason: refused.reason, events: 0 };
    entry.events++;
    this.counts.set(group, entry);
    return true;
  }

  view(): NonNullable<SyncStatusView['refused']> {
    return [...this.counts.values()].map((c) => ({ ...c, notice: refusalNotice(c.deviceId, c.events, c.reason) }));
  }
}
