import { describe, expect, it } from 'vitest';
import { checkCriteria, countingApprovers, defaultHotfixPolicy, formatHotfixId, HotfixPolicy, moduleOf, thresholdFlags } from './hotfix-policy';

describe('hot-fix policy', () => {
  it('formats ids from the pattern', () => {
    expect(formatHotfixId('HF-<yyyymmdd>-<n>', new Date('2026-12-02T23:59:00Z'), 3)).toBe('HF-20261202-3');
    expect(HotfixPolicy.safeParse({ ...defaultHotfixPolicy, idPattern: 'HF <n>' }).success).toBe(false);
  });

  it('meets the default criteria only for SEV1–SEV2 with customer impact', () => {
    expect(checkCriteria(defaultHotfixPolicy, { severity: 'SEV1', customerImpact: 'all EU' })).toEqual({ met: true, reasons: [] });
    expect(checkCriteria(defaultHotfixPolicy, { severity: 'SEV2' }).reasons).toEqual(['no customer impact has been stated']);
    expect(checkCriteria(defaultHotfixPolicy, { severity: 'SEV4', customerImpact: 'x' }).met).toBe(false);
  });

  it('counts distinct approvers, CAB members only where the rule says so', () => {
    expect(countingApprovers({ approvers: 2, cabOnly: false }, [], ['omar', 'Omar', 'lea'])).toEqual(['omar', 'lea']);
    expect(countingApprovers({ approvers: 1, cabOnly: true }, ['Lea'], ['omar', 'lea'])).toEqual(['lea']);
    // An identified approver is on the CAB list by name or by handle, and counts once however they are written.
    expect(countingApprovers({ approvers: 2, cabOnly: true }, ['@lea.m', 'Omar H'], [{ name: 'Léa Martin', handle: 'lea.m' }, { name: 'Omar H', handle: 'omar' }, { name: 'Omar H' }])).toEqual(['Léa Martin', 'Omar H']);
    expect(countingApprovers({ approvers: 1, cabOnly: true }, ['lea.m'], [{ name: 'Lea', handle: 'lea' }])).toEqual([]);
  });

  it('flags changes over the thresholds and names modules by their leading folders', () => {
    expect(moduleOf('src/pay/a.ts')).toBe('src');
    expect(moduleOf('src/pay/a.ts', 2)).toBe('src/pay');
    expect(moduleOf('README.md')).toBe('(root)');
    expect(thresholdFlags({ files: 2, insertions: 5, deletions: 5, modules: ['a'] }, { maxFiles: 2, maxLines: 10, maxModules: 1 })).toEqual([]);
    expect(thresholdFlags({ files: 3, insertions: 6, deletions: 5, modules: ['a', 'b'] }, { maxFiles: 2, maxLines: 10, maxModules: 1 })).toHaveLength(3);
  });
});
