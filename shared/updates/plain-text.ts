// Turns an update written in Markdown into plain text for email and chat tools that do not render Markdown.
import MarkdownIt, { type Token } from 'markdown-it';

const markdown = new MarkdownIt('commonmark', { html: false });

function inline(tokens: readonly Token[]): string {
  let out = '';
  const hrefs: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
        out += t.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += '\n';
        break;
      case 'link_open':
        hrefs.push(String(t.attrGet('href') ?? ''));
        break;
      case 'link_close': {
        const href = hrefs.pop();
        if (href && !out.endsWith(href)) out += ` (${href})`;
        break;
      }
      case 'image':
        out += t.content;
        break;
      default:
        break;
    }
  }
  return out;
}

/** Markdown → readable plain text: emphasis dropped, links as "text (url)", lists as "- " / "1. ", headings on their own line. */
export function markdownToPlainText(source: string): string {
  const tokens = markdown.parse(source, {});
  const blocks: { text: string; item: boolean; startsList?: boolean }[] = [];
  let newList = false;
  const lists: { ordered: boolean; next: number }[] = [];
  let prefix = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (lists.length === 0) newList = true;
        lists.push({ ordered: t.type === 'ordered_list_open', next: Number(t.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists.at(-1);
        const indent = '  '.repeat(Math.max(0, lists.length - 1));
        prefix = indent + (list?.ordered ? `${list.next++}. ` : '- ');
        break;
      }
      case 'inline': {
        const text = inline(t.children ?? []);
        const hanging = ' '.repeat(prefix.length);
        blocks.push({ text: prefix + text.split('\n').join(`\n${hanging}`), item: prefix !== '', startsList: newList });
        prefix = '';
        newList = false;
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ text: t.content.replace(/\n$/, ''), item: false });
        break;
      case 'hr':
        blocks.push({ text: '---', item: false });
        break;
      default:
        break;
    }
  }
  // Consecutive list items stay together; other blocks are separated by a blank line.
  return blocks.map((b, i) => (i === 0 ? '' : b.item && !b.startsList && blocks[i - 1]!.item ? '\n' : '\n\n') + b.text).join('');
}
