// Renders the pipeline's parse to plain text for PagerDuty status updates, e-mail and the clipboard. Emphasis is dropped
// (no meaning is lost), but what would change the meaning if it vanished stays visible: ~~struck~~ text keeps its tildes,
// links show their address, images their address, and tables become aligned "cell | cell" rows — never dropped.
import { blocksOf, tableAsTextRows, type Block } from './blocks';
import type { MarkdownDocument, Token } from './parse';

/** Inline tokens as plain text: emphasis dropped, ~~strike~~ kept, links followed by their address. */
export function inline(children: readonly Token[]): string {
  let out = '';
  const links: { href: string; at: number }[] = [];
  for (const t of children) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
        out += t.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += '\n';
        break;
      case 's_open':
      case 's_close':
        out += '~~';
        break;
      case 'link_open':
        links.push({ href: String(t.attrGet('href') ?? ''), at: out.length });
        break;
      case 'link_close': {
        const link = links.pop();
        const label = link ? out.slice(link.at) : '';
        // Linkified URLs and mailto: addresses already show their address.
        if (link && label !== link.href && `mailto:${label}` !== link.href) out += ` (${link.href})`;
        break;
      }
      case 'image': {
        const src = String(t.attrGet('src') ?? '');
        out += `[image: ${t.content || 'image'}]${src ? ` (${src})` : ''}`;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

const indent = (text: string, prefix: string) => text.split('\n').map((l) => (l ? prefix + l : l)).join('\n');

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return inline(block.inline);
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${block.start + i}. ` : '- ';
          // Items of a list stay on consecutive lines; blocks inside one item are separated by a line break only.
          const body = item.map(blockText).join('\n');
          const hanging = ' '.repeat(marker.length);
          return marker + body.split('\n').map((l, n) => (n === 0 || !l ? l : hanging + l)).join('\n');
        })
        .join('\n');
    case 'blockquote':
      return indent(block.children.map(blockText).join('\n\n'), '> ');
    case 'code':
      return block.text;
    case 'rule':
      return '---';
    case 'table':
      return tableAsTextRows(block.header.map((c) => inline(c.inline)), block.rows.map((r) => r.map((c) => inline(c.inline)))).join('\n');
  }
}

export function toPlainText(doc: MarkdownDocument): string {
  return blocksOf(doc).map(blockText).join('\n\n');
}
