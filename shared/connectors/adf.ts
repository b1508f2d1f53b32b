// Markdown → Atlassian Document Format (Jira Cloud v3 rich text), and ADF → plain text for reading comments back into the timeline.
import MarkdownIt from 'markdown-it';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

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

// html disabled: raw HTML in a note is shown as text, never interpreted.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false });

const SAFE_LINK = /^(https?:|mailto:)/i;

function inlineNodes(children: readonly Token[]): AdfNode[] {
  const out: AdfNode[] = [];
  const marks: AdfMark[] = [];
  const pushText = (text: string, extra: AdfMark[] = []) => {
    if (text.length === 0) return;
    const all = [...marks, ...extra];
    out.push(all.length > 0 ? { type: 'text', text, marks: all.map((m) => ({ ...m })) } : { type: 'text', text });
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
        pushText(t.content);
        break;
      case 'code_inline':
        // ADF forbids combining code with other marks except link.
        out.push({ type: 'text', text: t.content, marks: [{ type: 'code' }, ...marks.filter((m) => m.type === 'link')] });
        break;
      case 'softbreak':
        pushText(' ');
        break;
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
      case 'link_open': {
        const href = String(t.attrGet('href') ?? '');
        if (SAFE_LINK.test(href)) toggle('link', true, { href });
        else marks.push({ type: 'link', attrs: { href: '' } });
        break;
      }
      case 'link_close': {
        toggle('link', false);
        break;
      }
      case 'image':
        pushText(t.content || String(t.attrGet('src') ?? ''));
        break;
      default:
        if (t.content) pushText(t.content);
    }
  }
  // A link whose href was unsafe is rendered as plain text.
  return mergeAdjacent(out.map((n) => (n.marks ? { ...n, marks: n.marks.filter((m) => m.type !== 'link' || m.attrs?.href) } : n)).map((n) => (n.marks?.length === 0 ? { type: n.type, text: n.text! } : n)));
}

function mergeAdjacent(nodes: AdfNode[]): AdfNode[] {
  const out: AdfNode[] = [];
  for (const n of nodes) {
    const prev = out.at(-1);
    if (prev && prev.type === 'text' && n.type === 'text' && JSON.stringify(prev.marks ?? []) === JSON.stringify(n.marks ?? [])) prev.text = (prev.text ?? '') + (n.text ?? '');
    else out.push({ ...n });
  }
  return out;
}

/** Builds block nodes from tokens[start..] until the matching close token; returns the nodes and the index after it. */
function blocks(tokens: readonly Token[], start: number, closeType?: string): [AdfNode[], number] {
  const out: AdfNode[] = [];
  let i = start;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (closeType && t.type === closeType) return [out, i + 1];
    switch (t.type) {
      case 'paragraph_open': {
        const inline = tokens[i + 1]!;
        const content = inlineNodes(inline.children ?? []);
        out.push(content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' });
        i += 3;
        continue;
      }
      case 'heading_open': {
        const inline = tokens[i + 1]!;
        const level = Math.min(6, Math.max(1, Number(t.tag.slice(1)) || 1));
        out.push({ type: 'heading', attrs: { level }, content: inlineNodes(inline.children ?? []) });
        i += 3;
        continue;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const [items, next] = blocks(tokens, i + 1, t.type.replace('_open', '_close'));
        const node: AdfNode = { type: t.type === 'bullet_list_open' ? 'bulletList' : 'orderedList', content: items };
        const startAt = Number(t.attrGet('start'));
        if (t.type === 'ordered_list_open' && startAt > 1) node.attrs = { order: startAt };
        out.push(node);
        i = next;
        continue;
      }
      case 'list_item_open': {
        const [content, next] = blocks(tokens, i + 1, 'list_item_close');
        out.push({ type: 'listItem', content: content.length > 0 ? content : [{ type: 'paragraph' }] });
        i = next;
        continue;
      }
      case 'blockquote_open': {
        const [content, next] = blocks(tokens, i + 1, 'blockquote_close');
        out.push({ type: 'blockquote', content });
        i = next;
        continue;
      }
      case 'fence':
      case 'code_block': {
        const text = t.content.replace(/\n$/, '');
        const language = t.info.trim().split(/\s+/)[0];
        const node: AdfNode = { type: 'codeBlock', ...(text ? { content: [{ type: 'text', text }] } : {}) };
        if (language) node.attrs = { language };
        out.push(node);
        break;
      }
      case 'hr':
        out.push({ type: 'rule' });
        break;
      default:
        break;
    }
    i++;
  }
  return [out, i];
}

export function markdownToAdf(source: string): AdfDoc {
  const [content] = blocks(markdown.parse(source, {}), 0);
  return { type: 'doc', version: 1, content };
}

/** Plain text of an ADF document (paragraphs and list items on their own lines); tolerant of unknown node types. */
export function adfToText(node: unknown): string {
  const lines: string[] = [];
  let current = '';
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    const { type, text, content } = n as { type?: unknown; text?: unknown; content?: unknown };
    if (type === 'text' && typeof text === 'string') current += text;
    else if (type === 'hardBreak') current += '\n';
    else if (type === 'mention' || type === 'emoji') current += String((n as { attrs?: { text?: unknown } }).attrs?.text ?? '');
    if (Array.isArray(content)) for (const c of content) walk(c);
    if (type === 'paragraph' || type === 'heading' || type === 'codeBlock') {
      lines.push(current);
      current = '';
    }
  };
  walk(node);
  if (current) lines.push(current);
  return lines.join('\n').trim();
}
