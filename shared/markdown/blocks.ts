// Folds the pipeline's flat token stream into a small block tree that the ADF and plain-text renderers walk, so both read
// the structure the same way (the HTML renderer walks the tokens directly through markdown-it's renderer).
import type { MarkdownDocument, Token } from './parse';

export type Align = 'left' | 'center' | 'right' | undefined;
export interface TableCell {
  inline: readonly Token[];
  align: Align;
}

export type Block =
  | { kind: 'paragraph'; inline: readonly Token[] }
  | { kind: 'heading'; level: number; inline: readonly Token[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'blockquote'; children: Block[] }
  | { kind: 'code'; text: string; language: string | undefined }
  | { kind: 'rule' }
  | { kind: 'table'; header: TableCell[]; rows: TableCell[][] };

function alignOf(token: Token): Align {
  return /text-align:(left|center|right)/.exec(String(token.attrGet('style') ?? ''))?.[1] as Align;
}

/** Reads table rows from tokens[start] (just after table_open) to table_close; returns the rows and the index after it. */
function tableRows(tokens: readonly Token[], start: number): [TableCell[][], number] {
  const rows: TableCell[][] = [];
  let row: TableCell[] = [];
  let i = start;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const t = tokens[i]!;
    if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close') rows.push(row);
    else if (t.type === 'th_open' || t.type === 'td_open') row.push({ inline: tokens[i + 1]?.type === 'inline' ? (tokens[i + 1]!.children ?? []) : [], align: alignOf(t) });
  }
  return [rows, i + 1];
}

function readBlocks(tokens: readonly Token[], start: number, closeType?: string): [Block[], number] {
  const out: Block[] = [];
  let i = start;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (closeType && t.type === closeType) return [out, i + 1];
    switch (t.type) {
      case 'paragraph_open':
        out.push({ kind: 'paragraph', inline: tokens[i + 1]!.children ?? [] });
        i += 3;
        continue;
      case 'heading_open':
        out.push({ kind: 'heading', level: Math.min(6, Math.max(1, Number(t.tag.slice(1)) || 1)), inline: tokens[i + 1]!.children ?? [] });
        i += 3;
        continue;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close = t.type.replace('_open', '_close');
        const items: Block[][] = [];
        i++;
        while (i < tokens.length && tokens[i]!.type !== close) {
          if (tokens[i]!.type === 'list_item_open') {
            const [item, next] = readBlocks(tokens, i + 1, 'list_item_close');
            items.push(item);
            i = next;
          } else i++;
        }
        const start = Number(t.attrGet('start') ?? 1);
        out.push({ kind: 'list', ordered: t.type === 'ordered_list_open', start: Number.isFinite(start) ? start : 1, items });
        i++;
        continue;
      }
      case 'blockquote_open': {
        const [children, next] = readBlocks(tokens, i + 1, 'blockquote_close');
        out.push({ kind: 'blockquote', children });
        i = next;
        continue;
      }
      case 'fence':
      case 'code_block':
        out.push({ kind: 'code', text: t.content.replace(/\n$/, ''), language: t.info.trim().split(/\s+/)[0] || undefined });
        break;
      case 'hr':
        out.push({ kind: 'rule' });
        break;
      case 'table_open': {
        const [rows, next] = tableRows(tokens, i + 1);
        out.push({ kind: 'table', header: rows[0] ?? [], rows: rows.slice(1) });
        i = next;
        continue;
      }
      default:
        break;
    }
    i++;
  }
  return [out, i];
}

export function blocksOf(doc: MarkdownDocument): Block[] {
  return readBlocks(doc.tokens, 0)[0];
}

/** A table as aligned text rows ("cell | cell") under a dashed rule: how targets without tables still show every cell. */
export function tableAsTextRows(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [header, ...rows];
  const columns = Math.max(...all.map((r) => r.length));
  const flat = all.map((r) => Array.from({ length: columns }, (_, c) => (r[c] ?? '').replace(/\s*\n\s*/g, ' ')));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(3, ...flat.map((r) => [...r[c]!].length)));
  const line = (r: readonly string[]) => r.map((cell, c) => cell + ' '.repeat(widths[c]! - [...cell].length)).join(' | ').trimEnd();
  return [line(flat[0]!), widths.map((w) => '-'.repeat(w)).join('-|-'), ...flat.slice(1).map(line)];
}
