// Tests of the Markdown pipeline's three targets and of its ADF against Atlassian's ADF JSON schema, over the sample set.
import { describe, expect, it } from 'vitest';
import { adfSchemaErrors } from './adf-schema.test-support';
import { markdownToAdf, markdownToHtml, markdownToPlainText, parseMarkdown, renderMarkdown, toAdf, type AdfNode } from './index';
import { markdownSamples } from './samples.test-support';

function nodes(node: AdfNode, type: string): AdfNode[] {
  return [...(node.type === type ? [node] : []), ...(node.content ?? []).flatMap((c) => nodes(c, type))];
}
const textOf = (node: AdfNode): string => (node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? '\n' : (node.content ?? []).map(textOf).join(''));

describe('ADF from every sample', () => {
  it.each(markdownSamples)('$name is valid ADF by Atlassian\'s schema', ({ source }) => {
    expect(adfSchemaErrors(markdownToAdf(source))).toEqual([]);
  });

  it('the schema check can fail: a table cell holding bare text is rejected', () => {
    const bad = { type: 'doc', version: 1, content: [{ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'text', text: 'x' }] }] }] }] };
    expect(adfSchemaErrors(bad)).not.toEqual([]);
  });
});

describe('markdownToAdf', () => {
  it('turns a table into table/tableRow/tableHeader/tableCell with a paragraph in every cell', () => {
    const adf = markdownToAdf('| Service | Status |\n| --- | --- |\n| checkout | **degraded** |');
    const table = adf.content[0]!;
    expect(table.type).toBe('table');
    expect(table.content!.map((r) => r.content!.map((c) => c.type))).toEqual([['tableHeader', 'tableHeader'], ['tableCell', 'tableCell']]);
    expect(table.content![1]!.content![1]).toEqual({ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'degraded', marks: [{ type: 'strong' }] }] }] });
  });

  it('keeps single line breaks as hardBreak nodes', () => {
    expect(markdownToAdf('one\ntwo').content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'one' }, { type: 'hardBreak' }, { type: 'text', text: 'two' }] }]);
  });

  it('marks strikethrough, links, code and headings', () => {
    const adf = markdownToAdf('# Title\n\n~~x~~ [s](https://s.example) `k`');
    expect(adf.content[0]).toEqual({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Title' }] });
    expect(adf.content[1]!.content).toEqual([
      { type: 'text', text: 'x', marks: [{ type: 'strike' }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 's', marks: [{ type: 'link', attrs: { href: 'https://s.example' } }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'k', marks: [{ type: 'code' }] },
    ]);
  });

  it('shows a table inside a list item as text rows, since ADF allows no table there', () => {
    const item = nodes(markdownToAdf(markdownSamples.find((s) => s.name === 'table inside a list item')!.source), 'listItem')[0]!;
    expect(nodes(item, 'table')).toHaveLength(0);
    expect(textOf(item)).toContain('EU     | 30%');
  });
});

describe('markdownToPlainText', () => {
  it('shows a table as aligned rows under a dashed rule, every cell kept', () => {
    expect(markdownToPlainText('| Service | Status |\n| --- | --- |\n| checkout | **degraded** |\n| payments-api | ok |')).toBe(
      ['Service      | Status', '-------------|---------', 'checkout     | degraded', 'payments-api | ok'].join('\n'),
    );
  });

  it('keeps struck text visibly struck and links with their address', () => {
    expect(markdownToPlainText('~~Investigating~~ Identified, see [page](https://s.example)')).toBe('~~Investigating~~ Identified, see page (https://s.example)');
  });

  it('indents nested lists and keeps an ordered list\'s start', () => {
    expect(markdownToPlainText('- a\n  - b\n- c\n\n3. x\n4. y')).toBe('- a\n  - b\n- c\n\n3. x\n4. y');
  });
});

describe('markdownToHtml', () => {
  it('never emits raw HTML from the text, nor unsafe links or images', () => {
    const html = markdownToHtml('<script>alert(1)</script> [a](javascript:alert(1)) ![i](https://x.example/i.png) <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img|href="javascript/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('[image: i]');
  });

  it('shows line breaks and strikethrough, and tables with alignment classes instead of inline styles', () => {
    const html = markdownToHtml('a\nb ~~c~~\n\n| x | y |\n|:-:|--:|\n| 1 | 2 |');
    expect(html).toContain('a<br>\nb <s>c</s>');
    expect(html).toContain('<th class="align-center">x</th>');
    expect(html).not.toContain('style=');
  });

  it('joins hard-wrapped lines for runbooks when asked', () => {
    expect(markdownToHtml('a\nb', { softBreaks: 'space' })).toBe('<p>a\nb</p>\n');
  });

  it('renders one parse to every target without the targets changing each other', () => {
    const doc = parseMarkdown('| a | b |\n|:-|-:|\n| 1 | 2 |');
    const first = renderMarkdown(doc.source);
    expect(toAdf(doc)).toEqual(first.adf);
    expect(markdownToHtml(doc.source)).toBe(first.html);
    expect(doc.tokens.some((t) => t.attrGet('class'))).toBe(false);
  });
});
