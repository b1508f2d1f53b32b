// Tests of the line view of the pipeline's parse: code lines (fenced, indented, nested in lists) and headings (ATX, setext).
import { describe, expect, it } from 'vitest';
import { scanMarkdownLines } from './lines';

describe('scanMarkdownLines', () => {
  it('marks fenced and indented code, including a fence inside a list item, and nothing else', () => {
    const text = ['Intro', '', '    indented code', '', '1. step', '   ```sh', '   # not a heading', '   ```', '~~~~', '- [ ] in code', '~~~~', '2. step', '', '    continues step 2'].join('\n');
    expect(scanMarkdownLines(text).filter((l) => l.inFence).map((l) => l.number)).toEqual([3, 6, 7, 8, 9, 10, 11]);
  });

  it('finds ATX and setext headings as the parser reads them, never inside code', () => {
    const text = ['# Title', 'Section', '-------', '```', '## fenced', '```', '### Deep ###'].join('\n');
    expect(scanMarkdownLines(text).flatMap((l) => (l.heading ? [[l.number, l.heading.level, l.heading.text]] : []))).toEqual([
      [1, 1, 'Title'],
      [2, 2, 'Section'],
      [7, 3, 'Deep'],
    ]);
  });

  it('keeps every line with its 1-based number, CRLF included', () => {
    expect(scanMarkdownLines('a\r\nb').map((l) => [l.number, l.text])).toEqual([[1, 'a'], [2, 'b']]);
  });
});
