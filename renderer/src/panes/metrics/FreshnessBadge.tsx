// The honest badge on every panel and on the alert list: live, stale (with why), or only captured (with when).
import type { PanelView } from '../../../../shared/ipc';
import { formatClock } from '../../../../shared/metrics/format-value';

export function FreshnessBadge({ freshness }: { freshness: PanelView['freshness'] }) {
  const at = freshness.capturedAt ? formatClock(Date.parse(freshness.capturedAt), true) : undefined;
  const text =
    freshness.state === 'live'
      ? 'live'
      : freshness.state === 'stale'
        ? `stale${at ? ` · data from ${at}` : ''}`
        : freshness.state === 'captured'
          ? `captured${at ? ` at ${at}` : ''}`
          : 'no data';
  return (
    <span className={`freshness freshness-${freshness.state}`} data-freshness={freshness.state} title={freshness.reason ?? text}>
      {text}
    </span>
  );
}
