// The honest badge on every panel and on the alert list: live, stale (with why), or only captured (with when).
import type { PanelView } from '../../../../shared/ipc';
import { useFormatTime } from '../../time/Time';

export function FreshnessBadge({ freshness }: { freshness: PanelView['freshness'] }) {
  const format = useFormatTime();
  const at = freshness.capturedAt ? format(freshness.capturedAt, true) : undefined;
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
