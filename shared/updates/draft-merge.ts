// Merging freshly generated facts into a draft the commander edited by hand, without losing a word they wrote.
//
// The merge rule (a three-way merge by section):
// - A draft is split into sections: blocks separated by blank lines. A section is known by its label — the first line's
//   text before a colon ("**Customer impact:** …" → "customer impact"); the first section of the text is the headline.
// - base = the generated text the commander started from; ours = their edited text; theirs = the text generated now.
// - A section the commander left as generated is replaced by the regenerated one (or dropped, if the facts no longer have it).
// - A section the commander changed is kept as they wrote it; list lines the regenerated section adds ("- 12:40 UTC — …") are
//   appended to it, so new facts arrive without overwriting their words.
// - A section only the commander wrote stays where it is. A section they deleted stays deleted.
// - A section that is new in the facts is inserted after the section it follows in the generated text (or first).

export interface Section {
  key: string;
  text: string;
}

const HEADLINE = '§headline';

function labelOf(block: string): string {
  const first = (block.split('\n')[0] ?? '').replace(/[*_#>`]/g, '').trim();
  // "Customer impact: …" is labelled by what precedes ": "; other lines by their first two words ("ongoing for", "next update"),
  // which stay the same while the numbers after them (duration, times) change.
  const labelled = /^([^:]{1,40}):(\s|$)/.exec(first);
  return (labelled ? labelled[1]! : first.split(/\s+/).slice(0, 2).join(' ')).trim().toLowerCase();
}

/** Splits a text into labelled sections; a label used twice gets "#2" so every key is unique. */
export function sections(text: string): Section[] {
  const blocks = text
    .replace(/\r\n/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((b) => b.replace(/^\n+|\s+$/g, ''))
    .filter((b) => b.length > 0);
  const seen = new Map<string, number>();
  return blocks.map((block, i) => {
    const label = i === 0 ? HEADLINE : labelOf(block);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return { key: n === 1 ? label : `${label}#${n}`, text: block };
  });
}

const isListLine = (line: string) => /^\s*([-*+]|\d+[.)])\s+/.test(line);

function appendNewLines(ours: string, base: string | undefined, theirs: string): string {
  const known = new Set([...ours.split('\n'), ...(base?.split('\n') ?? [])].map((l) => l.trim()));
  const added = theirs.split('\n').filter((l) => isListLine(l) && !known.has(l.trim()));
  return added.length ? `${ours}\n${added.join('\n')}` : ours;
}

export interface MergeResult {
  text: string;
  /** Sections whose regenerated facts were put in (replaced, added, or lines appended). */
  updated: string[];
}

/** Merges regenerated facts (`theirs`) into the commander's edited draft (`ours`), both descended from `base`. */
export function mergeFacts(base: string, ours: string, theirs: string): MergeResult {
  const b = new Map(sections(base).map((s) => [s.key, s.text]));
  const t = sections(theirs);
  const tMap = new Map(t.map((s) => [s.key, s.text]));
  const o = sections(ours);
  const oKeys = new Set(o.map((s) => s.key));
  const updated: string[] = [];
  const out: Section[] = [];

  for (const s of o) {
    const baseText = b.get(s.key);
    const fresh = tMap.get(s.key);
    const untouched = baseText !== undefined && baseText === s.text;
    if (fresh === undefined) {
      // Untouched generated sections that the facts no longer carry go; anything the commander wrote stays.
      if (!untouched) out.push(s);
      else updated.push(s.key);
      continue;
    }
    if (untouched) {
      if (fresh !== s.text) updated.push(s.key);
      out.push({ key: s.key, text: fresh });
      continue;
    }
    const merged = fresh === baseText ? s.text : appendNewLines(s.text, baseText, fresh);
    if (merged !== s.text) updated.push(s.key);
    out.push({ key: s.key, text: merged });
  }

  // Sections that are new in the facts (not in the base, so the commander never deleted them) go in generated order.
  t.forEach((s, i) => {
    if (oKeys.has(s.key) || b.has(s.key)) return;
    const before = t
      .slice(0, i)
      .reverse()
      .find((p) => out.some((x) => x.key === p.key));
    const at = before ? out.findIndex((x) => x.key === before.key) + 1 : 0;
    out.splice(at, 0, s);
    updated.push(s.key);
  });

  return { text: out.map((s) => s.text).join('\n\n'), updated };
}
