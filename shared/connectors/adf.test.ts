// Tests for Markdown → ADF and ADF → text.
import { describe, expect, it } from 'vitest';
import { adfToText, markdownToAdf } from './adf';

describe('markdownToAdf', () => {
  it('converts paragraphs with marks and links', () => {
    expect(markdownToAdf('Rolled back **checkout** to _v41_ with `kubectl`, see [runbook](https://wiki.example/rb).')).toEqual({
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Rolled back ' },
            { type: 'text', text: 'checkout', marks: [{ type: 'strong' }] },
            { type: 'text', text: ' to ' },
            { type: 'text', text: 'v41', marks: [{ type: 'em' }] },
            { type: 'text', text: ' with ' },
            { type: 'text', text: 'kubectl', marks: [{ type: 'code' }] },
            { type: 'text', text: ', see ' },
            { type: 'text', text: 'runbook', marks: [{ type: 'link', attrs: { href: 'https://wiki.example/rb' } }] },
            { type: 'text', text: '.' },
          ],
        },
      ],
    });
  });

  it('converts headings, lists, code blocks, quotes and rules', () => {
    const doc = markdownToAdf('## Impact\n\n- EU checkout\n- **payments**\n\n3. first\n4. second\n\n```sh\nkubectl rollout undo\n```\n\n> customer quote\n\n---');
    expect(doc.content.map((n) => n.type)).toEqual(['heading', 'bulletList', 'orderedList', 'codeBlock', 'blockquote', 'rule']);
    expect(doc.content[0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Impact' }] });
    expect(doc.content[1]!.content![1]).toEqual({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'payments', marks: [{ type: 'strong' }] }] }] });
    expect(doc.content[2]!.attrs).toEqual({ order: 3 });
    expect(doc.content[3]).toEqual({ type: 'codeBlock', attrs: { language: 'sh' }, content: [{ type: 'text', text: 'kubectl rollout undo' }] });
  });

  it('never produces a link mark for javascript: URLs and keeps raw HTML as text', () => {
    const doc = markdownToAdf('[x](javascript:alert(1)) <b>hi</b>');
    expect(JSON.stringify(doc)).not.toContain('"href":"javascript');
    expect(doc.content[0]!.content!.every((n) => !n.marks?.some((m) => m.type === 'link'))).toBe(true);
    expect(adfToText(doc)).toContain('<b>hi</b>');
  });

  it('gives an empty document for empty input', () => {
    expect(markdownToAdf('')).toEqual({ type: 'doc', version: 1, content: [] });
  });
});

describe('adfToText', () => {
  it('round-trips the words of a converted note, one block per line', () => {
    expect(adfToText(markdownToAdf('First **line**\n\n- item one\n- item two'))).toBe('First line\nitem one\nitem two');
  });

  it('tolerates unknown nodes and junk', () => {
    expect(adfToText({ type: 'doc', content: [{ type: 'panel', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ok' }] }] }, 5, null] })).toBe('ok');
    expect(adfToText(null)).toBe('');
  });
});
