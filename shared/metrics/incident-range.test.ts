import { describe, expect, it } from 'vitest';
import { incidentRange, rangeIsOpen } from './incident-range';

const declaredAt = '2026-11-25T10:00:00.000Z';
const declared = Date.parse(declaredAt) / 1000;
const opts = { leadInSeconds: 1800, tailSeconds: 600 };

describe('incidentRange', () => {
  it('starts a lead-in before the declaration and follows now while open', () => {
    const now = Date.parse('2026-11-25T10:45:00.000Z');
    expect(incidentRange({ declaredAt }, now, opts)).toEqual({ start: declared - 1800, end: now / 1000 });
    expect(rangeIsOpen({ declaredAt }, now, opts)).toBe(true);
  });

  it('stops a tail after resolution', () => {
    const resolvedAt = '2026-11-25T11:00:00.000Z';
    const later = Date.parse('2026-11-25T13:00:00.000Z');
    expect(incidentRange({ declaredAt, resolvedAt }, later, opts).end).toBe(Date.parse(resolvedAt) / 1000 + 600);
    expect(rangeIsOpen({ declaredAt, resolvedAt }, later, opts)).toBe(false);
    expect(rangeIsOpen({ declaredAt, resolvedAt }, Date.parse(resolvedAt) + 1000, opts)).toBe(true);
  });

  it('is never empty when the clock is behind the declaration', () => {
    const r = incidentRange({ declaredAt }, Date.parse(declaredAt) - 3_600_000, { leadInSeconds: 0, tailSeconds: 0 });
    expect(r.end - r.start).toBe(1);
  });
});
