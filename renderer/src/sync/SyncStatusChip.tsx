// Header chip for team sync: "Synced · team blue", or "Offline since 10:42 · 7 events to sync", or why the server refused.
// Shows nothing while sync is off.
import type { SyncStatusView } from '../../../shared/ipc';
import { useFormatTime } from '../time/Time';
import { useSyncStatus } from './sync-queries';

const events = (n: number) => `${n} ${n === 1 ? 'event' : 'events'} to sync`;

export function syncStatusText(status: SyncStatusView, formatTime: (at: string) => string): string {
  const waiting = status.pendingEvents > 0 ? ` · ${events(status.pendingEvents)}` : '';
  switch (status.state) {
    case 'off':
      return '';
    case 'connecting':
      return `Connecting to team ${status.team ?? ''}${waiting}`;
    case 'online':
      return status.pendingEvents > 0 ? `Syncing · ${events(status.pendingEvents)}` : `Synced · team ${status.team ?? ''}`;
    case 'offline':
      return `Offline since ${status.offlineSince ? formatTime(status.offlineSince) : 'now'}${waiting}`;
    case 'error':
      return `Team sync refused${waiting}`;
  }
}

export function SyncStatusChip() {
  const status = useSyncStatus().data;
  const format = useFormatTime();
  if (!status || status.state === 'off') return null;
  const text = syncStatusText(status, (at) => format(at));
  const trouble = status.state === 'offline' || status.state === 'error';
  return (
    <span className={trouble ? 'fact sync-chip trouble' : 'fact sync-chip'} data-testid="sync-status" data-state={status.state} title={status.message ?? `Team server ${status.server ?? ''}`} role="status">
      <strong>{text}</strong>
    </span>
  );
}
