// The first sentence of a Markdown text as plain text (markup stripped by the pipeline): what the timeline shows of a
// published update until it is expanded.
import { parseMarkdown } from './parse';
import { toPlainText } from './to-plain-text';

export const SUMMARY_MAX = 160;

export function firstSentence(markdown: string, max = SUMMARY_MAX): string {
  const firstLine = toPlainText(parseMarkdown(markdown)).split('\n').map((l) => l.trim()).find((l) => l && !/^[-|\s]+$/.test(l)) ?? '';
  // A sentence ends at . ! or ? followed by a space (so "v1.2", "12.5%" and URLs stay whole).
  const sentence = /^(.+?[.!?])(?=\s)/.exec(firstLine)?.[1] ?? firstLine;
  return [...sentence].length > max ? `${[...sentence].slice(0, max - 1).join('').trimEnd()}…` : sentence;
}
