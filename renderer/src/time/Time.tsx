// A moment on screen: formatted once, the same way everywhere, in the chosen zone; hovering shows both zones.
import { formatBothZones, formatTime } from '../../../shared/time/format-time';
import { useTimeZoneStore } from './time-zone-store';

/** Formats in the viewer's chosen zone; for text that cannot hold a <Time> element (titles, aria values). */
export function useFormatTime(): (at: number | string | Date, seconds?: boolean) => string {
  const zone = useTimeZoneStore((s) => s.zone);
  return (at, seconds = false) => formatTime(at, { zone, seconds, now: Date.now() });
}

export function Time({ at, seconds = false, prefix, className }: { at: number | string; seconds?: boolean; prefix?: string; className?: string }) {
  const format = useFormatTime();
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) return <span className={className}>—</span>;
  return (
    <time className={className} dateTime={new Date(ms).toISOString()} title={`${prefix ? `${prefix} ` : ''}${formatBothZones(ms)}`}>
      {format(ms, seconds)}
    </time>
  );
}
