// Header chip for team sync: "Synced · team blue", or "Offline since 10:42 · 7 events to sync", or why the server refused;
// events from the team that did not verify add "· 2 events refused" (the notices are in its tooltip and Settings → Team sync).
// Shows nothing while sync is off.
import type { SyncStatusView } from '../../../shared/ipc';
import { useFormatTime } from '../time/Time';
import { useSyncStatus } from './sync-queries';
import { trustNotices } from './TeamDevices';

const events = (n: number) => `${n} ${n === 1 ? 'event' : 'events'} to sync`;

export function syncStatusText(status: SyncStatusView, formatTime: (at: string) => string): string {
  const refused = (status.refused ?? []).reduce((n, r) => n + r.events, 0);
  const trust = refused > 0 ? ` · ${refused} ${refused === 1 ? 'event' : 'events'} refused` : (status.unverified ?? 0) > 0 ? ` · ${status.unverified} unverified` : status.registration ? ' · key not registered' : '';
  return connectionText(status, formatTime) + (status.state === 'off' ? '' : trust);
}

function connectionText(status: SyncStatusView, formatTime: (at: string) => string): string {
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
  const notices = trustNotices(status);
  const trouble = status.state === 'offline' || status.state === 'error' || notices.length > 0;
  const title = [status.message ?? `Team server ${status.server ?? ''}`, ...notices, ...(notices.length > 0 ? ['Details: Settings → Team sync.'] : [])].join('\n');
  return (
    <span className={trouble ? 'fact sync-chip trouble' : 'fact sync-chip'} data-testid="sync-status" data-state={status.state} title={title} role="status">
      <strong>{text}</strong>
    </span>
  );
}
