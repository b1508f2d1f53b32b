// Renders runbook Markdown to safe HTML: raw HTML escaped, only http(s)/mailto links (opened outside the app), copyable code blocks.
import MarkdownItFactory, { type MarkdownIt } from 'markdown-it';
import { ACTION_MARKER } from '../../../shared/runbooks/extract-steps';
import { scanMarkdownLines } from '../../../shared/runbooks/markdown-lines';

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

function createRenderer(): MarkdownIt {
  const md = new MarkdownItFactory({ html: false, linkify: true, typographer: false });
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  const escape = md.utils.escapeHtml;

  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    // The window never navigates: target=_blank is denied by the window-open handler and handed to the guarded external opener.
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer nofollow');
    token.attrSet('data-external-link', 'true');
    return self.renderToken(tokens, idx, options);
  };

  // Remote images would break the no-remote-content policy; show them as a link instead.
  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx]!;
    const src = String(token.attrGet('src') ?? '');
    const alt = escape(token.content || 'image');
    if (!SAFE_LINK.test(src)) return `[${alt}]`;
    return `<a href="${escape(src)}" target="_blank" rel="noopener noreferrer nofollow" data-external-link="true">[image: ${alt}]</a>`;
  };

  const codeBlock = (content: string, lang: string) => {
    const cls = lang ? ` class="language-${escape(lang)}"` : '';
    return `<div class="runbook-code"><button type="button" class="copy-code" data-copy-code="true" aria-label="Copy code">Copy</button><pre><code${cls}>${escape(content)}</code></pre></div>\n`;
  };
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx]!;
    const lang = token.info.trim().split(/\s+/)[0] ?? '';
    return codeBlock(token.content, lang.replace(/[^A-Za-z0-9_+-]/g, ''));
  };
  md.renderer.rules.code_block = (tokens, idx) => codeBlock(tokens[idx]!.content, '');
  return md;
}

const renderer = createRenderer();

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
  return renderer.render(prepareRunbookBody(body));
}
