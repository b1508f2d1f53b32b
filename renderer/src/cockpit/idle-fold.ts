// The arithmetic of folding idle panes: a column's layout (panel id → percent of the column, summing to 100) after some
// panes fold to their header and others unfold. Pure, so it is tested without a browser.

export type ColumnLayout = Readonly<Record<string, number>>;

export interface Refold {
  /** Panes that fold to `foldedPercent`. */
  fold: readonly string[];
  /** Panes that unfold to their default share. */
  unfold: readonly string[];
}

/**
 * Folded panes take `foldedPercent`, unfolding ones their default size; the other open panes share the rest in proportion to
 * their current sizes, so what an idle pane gives up goes to the busy ones (and an unfolding pane takes from them). Panes
 * already folded (by the user or earlier) keep their size. Undefined when no open pane is left to take the space.
 */
export function refold(current: ColumnLayout, change: Refold, foldedPercent: number, defaults: Readonly<Partial<Record<string, number>>>): Record<string, number> | undefined {
  const next: Record<string, number> = { ...current };
  for (const id of change.fold) next[id] = foldedPercent;
  for (const id of change.unfold) next[id] = defaults[id] ?? foldedPercent;
  const changed = new Set([...change.fold, ...change.unfold]);
  // "Already folded": at most a hair above the folded size (sizes come back rounded).
  const open = Object.keys(current).filter((id) => !changed.has(id) && current[id]! > foldedPercent + 0.5);
  const fixed = Object.keys(next)
    .filter((id) => !open.includes(id))
    .reduce((sum, id) => sum + next[id]!, 0);
  const receivers = open.length > 0 ? open : change.unfold.filter((id) => next[id]! > foldedPercent);
  if (receivers.length === 0) return undefined;
  // With no other open pane, the unfolding panes share everything that is not folded.
  const space = 100 - fixed + (open.length > 0 ? 0 : receivers.reduce((sum, id) => sum + next[id]!, 0));
  const weight = receivers.reduce((sum, id) => sum + next[id]!, 0);
  for (const id of receivers) next[id] = (space * next[id]!) / weight;
  return next;
}
