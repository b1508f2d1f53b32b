// Markdown line by line, read through the pipeline's parser: which lines sit inside code (fenced or indented), so a list
// in code is never a runbook step or an action item, and which line is a heading (ATX or setext). For line-based readers
// (runbook steps, review action items) that need line numbers; they see the same parse as every renderer.
import { parseMarkdown } from './parse';

export interface MarkdownLine {
  /** 1-based line number within the scanned text. */
  number: number;
  text: string;
  /** Inside a code block (fenced or indented): never a step or a heading. */
  inFence: boolean;
  /** The heading that starts on this line, as the parser read it. */
  heading?: { level: number; text: string };
}

export function scanMarkdownLines(text: string): MarkdownLine[] {
  const lines = text.split(/\r?\n/);
  const code = new Set<number>();
  const headings = new Map<number, { level: number; text: string }>();
  const tokens = parseMarkdown(text).tokens;
  tokens.forEach((t, i) => {
    if (!t.map) return;
    if (t.type === 'fence' || t.type === 'code_block') for (let l = t.map[0]; l < t.map[1]; l++) code.add(l);
    if (t.type === 'heading_open') headings.set(t.map[0], { level: Number(t.tag.slice(1)), text: (tokens[i + 1]?.content ?? '').trim() });
  });
  return lines.map((line, i) => {
    const heading = headings.get(i);
    return { number: i + 1, text: line, inFence: code.has(i), ...(heading ? { heading } : {}) };
  });
}
