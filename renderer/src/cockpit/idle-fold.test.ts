// Folding idle panes: what they give up goes to the open panes in proportion, unfolding takes it back, and the column still
// sums to 100.
import { describe, expect, it } from 'vitest';
import { refold } from './idle-fold';

const defaults = { runbooks: 46, rollback: 20, hotfix: 17, connectors: 17 };
const total = (layout: Record<string, number> | undefined) => Object.values(layout ?? {}).reduce((a, b) => a + b, 0);

describe('refold', () => {
  it('gives the room of three idle panes to the one busy pane', () => {
    const next = refold(defaults, { fold: ['rollback', 'hotfix', 'connectors'], unfold: [] }, 6, defaults)!;
    expect(next).toEqual({ runbooks: 82, rollback: 6, hotfix: 6, connectors: 6 });
  });

  it('shares the room among the open panes in proportion to their sizes', () => {
    const next = refold(defaults, { fold: ['hotfix', 'connectors'], unfold: [] }, 6, defaults)!;
    expect(next.hotfix).toBe(6);
    expect(next.runbooks! / next.rollback!).toBeCloseTo(46 / 20);
    expect(total(next)).toBeCloseTo(100);
  });

  it('unfolds a pane to its default size, taken from the open panes, leaving the folded ones folded', () => {
    const folded = { runbooks: 82, rollback: 6, hotfix: 6, connectors: 6 };
    const next = refold(folded, { fold: [], unfold: ['hotfix'] }, 6, defaults)!;
    expect(next).toEqual({ runbooks: 71, rollback: 6, hotfix: 17, connectors: 6 });
  });

  it('folds one pane and unfolds another in one step', () => {
    const next = refold({ runbooks: 70, rollback: 18, hotfix: 6, connectors: 6 }, { fold: ['rollback'], unfold: ['hotfix'] }, 6, defaults)!;
    expect(next.rollback).toBe(6);
    expect(next.hotfix).toBe(17);
    expect(next.runbooks).toBeCloseTo(71);
    expect(total(next)).toBeCloseTo(100);
  });

  it('with every other pane folded, the unfolding pane takes the whole rest of the column', () => {
    const next = refold({ runbooks: 6, rollback: 82, hotfix: 6, connectors: 6 }, { fold: ['rollback'], unfold: ['hotfix'] }, 6, defaults)!;
    expect(next).toEqual({ runbooks: 6, rollback: 6, hotfix: 82, connectors: 6 });
  });

  it('does nothing when no open pane would be left to take the room', () => {
    expect(refold({ runbooks: 6, rollback: 82, hotfix: 6, connectors: 6 }, { fold: ['rollback'], unfold: [] }, 6, defaults)).toBeUndefined();
  });
});
