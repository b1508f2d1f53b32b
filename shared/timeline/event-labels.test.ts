import { describe, expect, it } from 'vitest';
import { eventTypeLabel, eventTypeLabels } from './event-labels';

describe('event labels', () => {
  it('gives every event type a human label without dots or underscores', () => {
    for (const [type, label] of Object.entries(eventTypeLabels)) {
      expect(label, type).not.toMatch(/[._]/);
      expect(label[0], type).toBe(label[0]!.toUpperCase());
    }
    expect(eventTypeLabel('incident.severity_changed')).toBe('Severity changed');
    expect(eventTypeLabel('metric.observed')).toBe('Metric sample');
  });
});
