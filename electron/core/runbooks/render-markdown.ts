// Renders runbook Markdown through the product's one Markdown pipeline (shared/markdown): raw HTML escaped, only
// http(s)/mailto links (opened outside the app), images as links, copyable code blocks. Runbooks are often hard-wrapped
// files, so a single newline reads as a space here; the step scanner sees the same parse (shared/markdown/lines).
import { markdownToHtml } from '../../../shared/markdown';
import { ACTION_MARKER } from '../../../shared/runbooks/extract-steps';
import { scanMarkdownLines } from '../../../shared/markdown/lines';

const TASK_BOX = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+)\[( |x|X)\]\s+/;

/** Shows checklist boxes as glyphs and action markers as labels, leaving code blocks untouched. */
export function prepareRunbookBody(body: string): string {
  return scanMarkdownLines(body)
    .map((line) => {
      if (line.inFence) return line.text;
      let text = line.text.replace(TASK_BOX, (_m, lead: string, box: string) => `${lead}${box === ' ' ? '☐' : '☑'} `);
      text = text.replace(ACTION_MARKER, (_m, action: string) => ` \`action: ${action}\``);
      return text;
    })
    .join('\n');
}

export function renderRunbookHtml(body: string): string {
  return markdownToHtml(prepareRunbookBody(body), { softBreaks: 'space', copyButtons: true });
}
