import { describe, expect, it } from 'vitest';
import { isSeverityDowngrade, statusChangeNeedsConfirmation, undoStatusReason } from './change-guards';

describe('change guards', () => {
  it('asks to confirm resolving, and nothing else', () => {
    expect(statusChangeNeedsConfirmation('mitigating', 'resolved')).toBe(true);
    expect(statusChangeNeedsConfirmation('investigating', 'resolved')).toBe(true);
    expect(statusChangeNeedsConfirmation('resolved', 'investigating')).toBe(false);
    expect(statusChangeNeedsConfirmation('investigating', 'monitoring')).toBe(false);
  });

  it('treats a higher SEV number as a downgrade', () => {
    expect(isSeverityDowngrade('SEV1', 'SEV2')).toBe(true);
    expect(isSeverityDowngrade('SEV3', 'SEV4')).toBe(true);
    expect(isSeverityDowngrade('SEV2', 'SEV1')).toBe(false);
    expect(isSeverityDowngrade('SEV2', 'SEV2')).toBe(false);
  });

  it('names the undone status in the reverting event', () => {
    expect(undoStatusReason('resolved')).toBe('Undo: reverted the change to Resolved');
  });
});
