// @vitest-environment happy-dom
// Agreement of the Markdown pipeline's targets over the sample set: what the update preview shows (the pipeline's HTML as
// it lands in a DOM) is what Jira's ADF and the plain text (PagerDuty, clipboard) carry — every table cell, every line
// break, every struck word, link, heading and code block. Where a target cannot show something, it shows it another way.
// The preview's extra DOMPurify pass is not exercised here: DOMPurify does not support happy-dom (its output there is
// wrong), so the sanitizer is checked in Chromium by e2e/updates.spec.ts.
import { describe, expect, it } from 'vitest';
import { renderMarkdown, type AdfNode } from '../../../shared/markdown';
import { markdownSamples } from '../../../shared/markdown/samples.test-support';

function preview(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

function all(node: AdfNode, test: (n: AdfNode) => boolean): AdfNode[] {
  return [...(test(node) ? [node] : []), ...(node.content ?? []).flatMap((c) => all(c, test))];
}
const adfText = (node: AdfNode): string => (node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? '\n' : (node.content ?? []).map(adfText).join(''));
/** Blocks' texts joined so words of neighbouring blocks never run together. */
const adfBlocksText = (node: AdfNode): string => (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock' ? `${adfText(node)}\n` : (node.content ?? []).map(adfBlocksText).join(''));
// Plain text puts a link's address after its label ("page (https://…),"), so words are compared without edge punctuation.
const words = (text: string) => text.replaceAll('~~', '').split(/[\s|]+/).map((w) => w.replace(/^[("]+|[.,;:!?)"]+$/g, '')).filter((w) => w && !/^-+$/.test(w));

/** The preview's text with each <br> as "\n", per block. */
function blockLines(root: HTMLElement): string[][] {
  return [...root.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, td, th')]
    .filter((el) => el.querySelector('br'))
    .map((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('ul, ol').forEach((n) => n.remove());
      copy.querySelectorAll('br').forEach((br) => br.replaceWith('\u0000'));
      return (copy.textContent ?? '').split('\u0000').map((l) => l.trim());
    });
}

describe.each(markdownSamples)('sample "$name"', ({ source }) => {
  const { html, adf, plainText } = renderMarkdown(source);
  const doc = adf as unknown as AdfNode;

  it('every table cell shown in the preview is in the ADF and in the plain text', () => {
    const cells = [...preview(html).querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim());
    const adfCells = all(doc, (n) => n.type === 'tableHeader' || n.type === 'tableCell').map((c) => adfText(c).trim());
    const adfAll = adfText(doc);
    for (const cell of cells.filter(Boolean)) {
      expect(adfCells.includes(cell) || adfAll.includes(cell), `cell "${cell}" in ADF`).toBe(true);
      expect(plainText.replaceAll('~~', ''), `cell "${cell}" in plain text`).toContain(cell);
    }
    if (adfCells.length > 0) expect(adfCells).toEqual(cells);
  });

  it('every line break in the preview survives as an ADF hardBreak and a new line in the plain text', () => {
    const adfAll = adfText(doc);
    // Quotes keep their "> " marker in plain text.
    const plain = plainText.replaceAll('~~', '').replace(/^> /gm, '');
    for (const lines of blockLines(preview(html))) {
      for (let i = 1; i < lines.length; i++) {
        const pair = `${lines[i - 1]}\n${lines[i]}`;
        expect(adfAll, 'ADF').toContain(pair);
        expect(plain.replace(/\n\s+/g, '\n'), 'plain text').toContain(pair);
      }
    }
  });

  it('struck text is struck in the preview, the ADF and the plain text alike', () => {
    const struck = [...preview(html).querySelectorAll('s')].map((s) => s.textContent ?? '');
    const adfStruck = all(doc, (n) => n.type === 'text' && !!n.marks?.some((m) => m.type === 'strike')).map((n) => n.text);
    expect(adfStruck).toEqual(struck);
    for (const s of struck) expect(plainText).toContain(`~~${s}~~`);
  });

  it('links, headings and code blocks agree', () => {
    const root = preview(html);
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    const adfHrefs = all(doc, (n) => !!n.marks?.some((m) => m.type === 'link')).map((n) => n.marks!.find((m) => m.type === 'link')!.attrs!.href);
    expect(adfHrefs).toEqual(hrefs);
    for (const href of hrefs) expect(plainText).toContain(href!.replace(/^mailto:/, ''));
    const code = [...root.querySelectorAll('pre')].map((p) => (p.textContent ?? '').replace(/\n$/, ''));
    expect(all(doc, (n) => n.type === 'codeBlock').map(adfText)).toEqual(code);
    for (const c of code) expect(plainText).toContain(c);
    const headings = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => (h.textContent ?? '').trim());
    for (const h of headings) expect(adfText(doc)).toContain(h);
  });

  it('every word the preview shows is carried by the ADF and by the plain text, and the ADF adds none', () => {
    const shown = words(preview(html).textContent ?? '');
    const adfWords = words(adfBlocksText(doc));
    const plainWords = new Set(words(plainText));
    expect(new Set(adfWords)).toEqual(new Set(shown));
    for (const w of shown) expect(plainWords.has(w), `"${w}" in plain text`).toBe(true);
  });
});
