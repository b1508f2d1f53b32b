import { describe, expect, it } from 'vitest';
import { formatBothZones, formatTime, zoneLabel } from './format-time';

const la = 'America/Los_Angeles';
// 2026-12-02 04:26:10 UTC = 2026-12-01 20:26:10 in Los Angeles.
const at = Date.UTC(2026, 11, 2, 4, 26, 10);

describe('formatTime', () => {
  it('shows a 24-hour clock with the zone named, without the date on the same day', () => {
    expect(formatTime(at, { zone: 'utc', now: at + 60_000 })).toBe('04:26 UTC');
    expect(formatTime(at, { zone: 'utc', seconds: true, now: at })).toBe('04:26:10 UTC');
  });

  it('judges "today" in the chosen zone and adds the date when it differs', () => {
    const laMorning = Date.UTC(2026, 11, 2, 18, 0, 0); // 2 Dec 10:00 in LA
    expect(formatTime(at, { zone: 'local', localZone: la, now: laMorning })).toBe('1 Dec 20:26 GMT-8');
    expect(formatTime(at, { zone: 'utc', now: laMorning })).toBe('04:26 UTC');
  });

  it('adds the year when it is not this year', () => {
    expect(formatTime(at, { zone: 'utc', now: Date.UTC(2027, 0, 5) })).toBe('2 Dec 2026 04:26 UTC');
  });

  it('accepts ISO strings and says so when the time is unreadable', () => {
    expect(formatTime('2026-12-02T04:26:10.000Z', { zone: 'utc', seconds: true, now: at })).toBe('04:26:10 UTC');
    expect(formatTime('not a time', { zone: 'utc', now: at })).toBe('—');
  });
});

describe('formatBothZones and zoneLabel', () => {
  it('gives UTC and the local zone with full dates for hover titles', () => {
    expect(formatBothZones(at, la)).toBe('2 Dec 2026 04:26:10 UTC · 1 Dec 2026 20:26:10 GMT-8');
  });
  it('names the zone', () => {
    expect(zoneLabel(at, { zone: 'utc' })).toBe('UTC');
    expect(zoneLabel(at, { zone: 'local', localZone: 'Europe/Berlin' })).toBe('CET');
  });
});
