import { describe, expect, it } from 'vitest';
import { audienceNamedIn, serviceForRollback } from './step-targets';

describe('audienceNamedIn', () => {
  it('reads the audience a step names', () => {
    expect(audienceNamedIn('Tell customers which feature is affected and what still works')).toBe('customers');
    expect(audienceNamedIn('Brief the executives on impact')).toBe('executives');
    expect(audienceNamedIn('Give Support a macro for incoming tickets')).toBe('support');
    expect(audienceNamedIn('Update the on-call engineers')).toBe('engineers');
  });

  it('takes the first audience named, and none when the step names none', () => {
    expect(audienceNamedIn('Tell support, then customers')).toBe('support');
    expect(audienceNamedIn('Post an update: impact, rollback done, next update time')).toBeUndefined();
  });
});

describe('serviceForRollback', () => {
  it('picks the first declared service that is configured, matching names without regard to case', () => {
    expect(serviceForRollback(['payments', 'Checkout'], ['checkout', 'search'])).toBe('checkout');
    expect(serviceForRollback(['payments'], ['checkout'])).toBeUndefined();
  });
});
