import { describe, expect, it } from 'vitest';
import { formatValue } from './format-value';

describe('formatValue', () => {
  it('prints compact numbers with units', () => {
    expect(formatValue(1234567, 'req/s')).toBe('1.235M req/s');
    expect(formatValue(0.25, 'ratio')).toBe('25%');
    expect(formatValue(12.5, '%')).toBe('12.5%');
    expect(formatValue(0.0421, 's')).toBe('42.1 ms');
    expect(formatValue(0.00001)).toBe('1.00e-5');
    expect(formatValue(0)).toBe('0');
  });

  it('spells out gaps and special values', () => {
    expect(formatValue(NaN)).toBe('—');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(Infinity, 'ms')).toBe('+Inf');
    expect(formatValue(-Infinity)).toBe('-Inf');
  });
});
