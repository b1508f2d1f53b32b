// The one way Firebreak shows a moment: 24-hour clock, the zone named, the date added when it is not today (in that zone),
// and a both-zones line for hover titles. Every time in the cockpit goes through here, so UTC/local is one switch.

export type TimeZoneChoice = 'utc' | 'local';

export interface TimeFormatOptions {
  zone: TimeZoneChoice;
  /** Include seconds (timeline rows, audit trails); minutes otherwise. */
  seconds?: boolean;
  /** "Today" is judged against this moment (ms since epoch); injected so tests are deterministic. */
  now: number;
  /** IANA zone used for "local"; defaults to the runtime's zone. Injected by tests. */
  localZone?: string | undefined;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${timeZone ?? ''}|${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...options, ...(timeZone ? { timeZone } : {}) });
    cache.set(id, f);
  }
  return f;
}

function zoneOf(options: Pick<TimeFormatOptions, 'zone' | 'localZone'>): string | undefined {
  return options.zone === 'utc' ? 'UTC' : options.localZone;
}

/**
 * The parts of moments already formatted. A scrolling timeline formats the same few dozen row times (and "now") on every frame
 * for the rows' labels, and Intl's formatToParts is the costliest step of drawing a row. Emptied when full: what is on screen
 * refills it at once.
 */
const formatted = new Map<string, Parts>();
const FORMATTED_MAX = 4096;

interface Parts {
  clock: string;
  date: string;
  year: string;
  zoneName: string;
}

function parts(ms: number, timeZone: string | undefined, seconds: boolean): Parts {
  const id = `${timeZone ?? ''}|${seconds ? 's' : 'm'}|${ms}`;
  let p = formatted.get(id);
  if (!p) {
    if (formatted.size >= FORMATTED_MAX) formatted.clear();
    p = formatParts(ms, timeZone, seconds);
    formatted.set(id, p);
  }
  return p;
}

function formatParts(ms: number, timeZone: string | undefined, seconds: boolean): Parts {
  const f = formatter(timeZone, seconds ? 'hms' : 'hm', {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZoneName: 'short',
  });
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value])) as Record<string, string>;
  const clock = `${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
  return { clock, date: `${p.day} ${p.month}`, year: p.year ?? '', zoneName: p.timeZoneName ?? '' };
}

/** The zone's label as shown after a time: "UTC", or the local abbreviation ("PST", "GMT+2"). */
export function zoneLabel(ms: number, options: Pick<TimeFormatOptions, 'zone' | 'localZone'>): string {
  return options.zone === 'utc' ? 'UTC' : parts(ms, zoneOf(options), false).zoneName;
}

/** "14:05:09 UTC", or "1 Dec 14:05:09 UTC" when the day differs from today's in that zone (the year too if it differs). */
export function formatTime(input: number | string | Date, options: TimeFormatOptions): string {
  const ms = typeof input === 'number' ? input : new Date(input).getTime();
  if (!Number.isFinite(ms)) return '—';
  const zone = zoneOf(options);
  const at = parts(ms, zone, options.seconds ?? false);
  const today = parts(options.now, zone, false);
  const label = options.zone === 'utc' ? 'UTC' : at.zoneName;
  if (at.date === today.date && at.year === today.year) return `${at.clock} ${label}`;
  const date = at.year === today.year ? at.date : `${at.date} ${at.year}`;
  return `${date} ${at.clock} ${label}`;
}

/** Both zones, full date, for hover titles: "1 Dec 2026 04:26:10 UTC · 30 Nov 2026 20:26:10 PST". */
export function formatBothZones(input: number | string | Date, localZone?: string): string {
  const ms = typeof input === 'number' ? input : new Date(input).getTime();
  if (!Number.isFinite(ms)) return '';
  const utc = parts(ms, 'UTC', true);
  const local = parts(ms, localZone, true);
  return `${utc.date} ${utc.year} ${utc.clock} UTC · ${local.date} ${local.year} ${local.clock} ${local.zoneName}`;
}
