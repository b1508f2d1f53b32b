// Note kinds typed inline: "d: roll back checkout" or "hyp: cache stampede" records a decision or a hypothesis, so the
// commander never leaves the keyboard. Also the single-key shortcuts the composer offers for each kind.
import type { NoteKind } from '../events';

export interface NoteKindChoice {
  kind: NoteKind;
  label: string;
  /** Alt+<key> in the composer picks this kind. */
  key: string;
  /** Prefixes (before a colon) that pick this kind, shortest first. */
  prefixes: readonly string[];
}

export const noteKindChoices: readonly NoteKindChoice[] = [
  { kind: 'note', label: 'Note', key: 'n', prefixes: ['n', 'note'] },
  { kind: 'observation', label: 'Observation', key: 'o', prefixes: ['o', 'obs', 'observation'] },
  { kind: 'hypothesis', label: 'Hypothesis', key: 'h', prefixes: ['h', 'hyp', 'hypothesis'] },
  { kind: 'decision', label: 'Decision', key: 'd', prefixes: ['d', 'dec', 'decision'] },
  { kind: 'action', label: 'Action', key: 'a', prefixes: ['a', 'act', 'action'] },
];

const byPrefix = new Map(noteKindChoices.flatMap((c) => c.prefixes.map((p) => [p, c.kind] as const)));

/** Splits a leading "<prefix>:" off the text; the text without a known prefix keeps `fallback` as its kind. */
export function parseNotePrefix(input: string, fallback: NoteKind): { kind: NoteKind; text: string } {
  const match = /^\s*([a-z]+)\s*:\s*(.*)$/is.exec(input);
  const kind = match ? byPrefix.get(match[1]!.toLowerCase()) : undefined;
  if (!match || !kind) return { kind: fallback, text: input.trim() };
  return { kind, text: match[2]!.trim() };
}
