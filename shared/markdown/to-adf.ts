// Renders the pipeline's parse to Atlassian Document Format (Jira Cloud v3 rich text). Own renderer rather than the
// `marklassian` package: see the README ("Markdown pipeline") — in short, marklassian parses with its own parser (marked),
// so Jira would again see a different reading of the text than the preview, and it passes raw `<adf>` JSON through
// unvalidated. Output is checked against Atlassian's ADF JSON schema in the agreement tests. Where ADF forbids a node in
// a place (a heading or table inside a list item or quote), it degrades to paragraphs that keep every word visible.
import { blocksOf, tableAsTextRows, type Block, type TableCell } from './blocks';
import { isSafeHref, type MarkdownDocument, type Token } from './parse';
import { inline as plainInline } from './to-plain-text';

export interface AdfMark {
  type: 'strong' | 'em' | 'code' | 'strike' | 'link';
  attrs?: { href: string };
}

export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: AdfMark[];
}

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

const sameMarks = (a: AdfNode, b: AdfNode) => JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? []);

function inlineNodes(children: readonly Token[]): AdfNode[] {
  const out: AdfNode[] = [];
  const marks: AdfMark[] = [];
  const push = (text: string, own: AdfMark[]) => {
    if (text.length === 0) return;
    const node: AdfNode = own.length > 0 ? { type: 'text', text, marks: own.map((m) => ({ ...m })) } : { type: 'text', text };
    const prev = out.at(-1);
    if (prev?.type === 'text' && sameMarks(prev, node)) prev.text += text;
    else out.push(node);
  };
  const toggle = (type: AdfMark['type'], open: boolean, attrs?: { href: string }) => {
    if (open) marks.push(attrs ? { type, attrs } : { type });
    else {
      const i = marks.map((m) => m.type).lastIndexOf(type);
      if (i >= 0) marks.splice(i, 1);
    }
  };
  for (const t of children) {
    switch (t.type) {
      case 'text':
        push(t.content, marks);
        break;
      case 'code_inline':
        // ADF allows the code mark with a link only.
        push(t.content, [{ type: 'code' }, ...marks.filter((m) => m.type === 'link')]);
        break;
      case 'softbreak':
      case 'hardbreak':
        out.push({ type: 'hardBreak' });
        break;
      case 'strong_open':
      case 'strong_close':
        toggle('strong', t.type === 'strong_open');
        break;
      case 'em_open':
      case 'em_close':
        toggle('em', t.type === 'em_open');
        break;
      case 's_open':
      case 's_close':
        toggle('strike', t.type === 's_open');
        break;
      case 'link_open':
        toggle('link', true, { href: String(t.attrGet('href') ?? '') });
        break;
      case 'link_close':
        toggle('link', false);
        break;
      case 'image': {
        // Jira needs uploaded media for images; the image stays a link to where it lives.
        const src = String(t.attrGet('src') ?? '');
        push(`[image: ${t.content || 'image'}]`, isSafeHref(src) ? [...marks.filter((m) => m.type !== 'link'), { type: 'link', attrs: { href: src } }] : marks);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

const paragraph = (content: AdfNode[]): AdfNode => (content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' });

function cellNode(type: 'tableHeader' | 'tableCell', cell: TableCell | undefined): AdfNode {
  return { type, content: [paragraph(cell ? inlineNodes(cell.inline) : [])] };
}

function tableNode(block: Extract<Block, { kind: 'table' }>): AdfNode {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length));
  const row = (cells: TableCell[], type: 'tableHeader' | 'tableCell'): AdfNode => ({ type: 'tableRow', content: Array.from({ length: columns }, (_, c) => cellNode(type, cells[c])) });
  return { type: 'table', attrs: { isNumberColumnEnabled: false, layout: 'default' }, content: [row(block.header, 'tableHeader'), ...block.rows.map((r) => row(r, 'tableCell'))] };
}

/** Where ADF allows fewer node types (list items, quotes), a table becomes its text rows, one per line. */
function tableAsParagraph(block: Extract<Block, { kind: 'table' }>): AdfNode {
  const lines = tableAsTextRows(block.header.map((c) => plainInline(c.inline)), block.rows.map((r) => r.map((c) => plainInline(c.inline))));
  return paragraph(lines.flatMap((text, i) => (i === 0 ? [{ type: 'text', text }] : [{ type: 'hardBreak' }, { type: 'text', text }])));
}

type Context = 'doc' | 'nested';

function blockNodes(blocks: readonly Block[], context: Context): AdfNode[] {
  const out: AdfNode[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
        out.push(paragraph(inlineNodes(block.inline)));
        break;
      case 'heading': {
        const content = inlineNodes(block.inline);
        if (context === 'doc') out.push({ type: 'heading', attrs: { level: block.level }, ...(content.length > 0 ? { content } : {}) });
        else out.push(paragraph(content.map((n) => (n.type === 'text' && !n.marks?.some((m) => m.type === 'code') ? { ...n, marks: [...(n.marks ?? []), { type: 'strong' as const }] } : n))));
        break;
      }
      case 'list': {
        const node: AdfNode = {
          type: block.ordered ? 'orderedList' : 'bulletList',
          content: block.items.map((item) => {
            const content = blockNodes(item, 'nested');
            return { type: 'listItem', content: content.length > 0 ? content : [paragraph([])] };
          }),
        };
        if (block.ordered && block.start !== 1) node.attrs = { order: Math.max(0, block.start) };
        out.push(node);
        break;
      }
      case 'blockquote': {
        const content = blockNodes(block.children, 'nested').flatMap((n) => (n.type === 'blockquote' ? (n.content ?? []) : [n]));
        if (context === 'doc') out.push({ type: 'blockquote', content: content.length > 0 ? content : [paragraph([])] });
        else out.push(...content);
        break;
      }
      case 'code':
        out.push({ type: 'codeBlock', ...(block.language ? { attrs: { language: block.language } } : {}), ...(block.text ? { content: [{ type: 'text', text: block.text }] } : {}) });
        break;
      case 'rule':
        out.push(context === 'doc' ? { type: 'rule' } : paragraph([{ type: 'text', text: '———' }]));
        break;
      case 'table':
        out.push(context === 'doc' ? tableNode(block) : tableAsParagraph(block));
        break;
    }
  }
  return out;
}

export function toAdf(doc: MarkdownDocument): AdfDoc {
  return { type: 'doc', version: 1, content: blockNodes(blocksOf(doc), 'doc') };
}
