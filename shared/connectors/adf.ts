// Atlassian Document Format (Jira Cloud v3 rich text): Markdown → ADF comes from the one Markdown pipeline (shared/markdown);
// ADF → plain text here reads Jira comments back into the timeline.
export { markdownToAdf, type AdfDoc, type AdfMark, type AdfNode } from '../markdown';

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
