// Diff between the previous published update of an audience and the new draft: by line, by word within lines that were edited.
import { diffLines, diffWordsWithSpace, type Change } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface UpdateDiff {
  parts: DiffPart[];
  /** Words added and removed. */
  added: number;
  removed: number;
}

/** Share of an edited block that survives, above which a word-level diff reads better than "old lines, new lines". */
const SIMILAR_ENOUGH = 0.5;

const kindOf = (c: Change): DiffPart['kind'] => (c.added ? 'added' : c.removed ? 'removed' : 'same');

/** Diffs two update texts; with no previous update everything is "added". */
export function diffUpdates(previous: string | undefined, next: string): UpdateDiff {
  const raw: DiffPart[] = [];
  const lines = diffLines(previous ?? '', next);
  for (let i = 0; i < lines.length; i++) {
    const change = lines[i]!;
    const following = lines[i + 1];
    if (change.removed && following?.added) {
      const words = diffWordsWithSpace(change.value, following.value);
      const kept = words.filter((w) => !w.added && !w.removed).reduce((n, w) => n + w.value.trim().length, 0);
      const longest = Math.max(change.value.trim().length, following.value.trim().length, 1);
      if (kept / longest >= SIMILAR_ENOUGH) raw.push(...words.map((w) => ({ kind: kindOf(w), text: w.value })));
      else raw.push({ kind: 'removed', text: change.value }, { kind: 'added', text: following.value });
      i++;
      continue;
    }
    raw.push({ kind: kindOf(change), text: change.value });
  }
  const parts: DiffPart[] = [];
  for (const p of raw) {
    const last = parts.at(-1);
    if (last && last.kind === p.kind) last.text += p.text;
    else if (p.text) parts.push({ ...p });
  }
  const words = (kind: DiffPart['kind']) => parts.filter((p) => p.kind === kind).reduce((n, p) => n + (p.text.match(/\S+/g)?.length ?? 0), 0);
  return { parts, added: words('added'), removed: words('removed') };
}
