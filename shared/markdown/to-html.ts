// Renders the pipeline's tokens to HTML for the update preview, the review editor and the runbook viewer. Safe by
// construction: raw HTML is never parsed (it arrives as text and is escaped), links are http(s)/mailto only and open outside
// the app, images are shown as links (no remote content is loaded), table alignment is a class (no inline styles).
// The renderer still passes this HTML through an allow-list sanitizer before it touches the DOM (defence in depth).
import type { RendererRule } from 'markdown-it';
import { markdownParser, type MarkdownDocument, type Token } from './parse';

export interface HtmlOptions {
  /** 'break' (default) shows a single newline as a line break, as every publish target does; 'space' joins hard-wrapped prose. */
  softBreaks?: 'break' | 'space';
  /** Wraps code blocks with a Copy button (runbooks). */
  copyButtons?: boolean;
}

const rules = markdownParser.renderer.rules;
const escape = markdownParser.utils.escapeHtml;
const optionsOf = (env: unknown): HtmlOptions => (env ?? {}) as HtmlOptions;

rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  // The window never navigates: target=_blank is denied by the window-open handler and handed to the guarded external opener.
  token.attrSet('target', '_blank');
  token.attrSet('rel', 'noopener noreferrer nofollow');
  token.attrSet('data-external-link', 'true');
  return self.renderToken(tokens, idx, options);
};

// Remote images would break the no-remote-content policy; show them as a link instead.
rules.image = ((tokens, idx) => {
  const token = tokens[idx]!;
  const src = String(token.attrGet('src') ?? '');
  const alt = escape(token.content || 'image');
  return `<a href="${escape(src)}" target="_blank" rel="noopener noreferrer nofollow" data-external-link="true">[image: ${alt}]</a>`;
}) satisfies RendererRule;

const codeBlock = (content: string, info: string, env: unknown) => {
  const lang = (info.trim().split(/\s+/)[0] ?? '').replace(/[^A-Za-z0-9_+-]/g, '');
  const cls = lang ? ` class="language-${escape(lang)}"` : '';
  const pre = `<pre><code${cls}>${escape(content)}</code></pre>`;
  if (!optionsOf(env).copyButtons) return `${pre}\n`;
  return `<div class="runbook-code"><button type="button" class="copy-code" data-copy-code="true" aria-label="Copy code">Copy</button>${pre}</div>\n`;
};
rules.fence = ((tokens, idx, _o, env) => codeBlock(tokens[idx]!.content, tokens[idx]!.info, env)) satisfies RendererRule;
rules.code_block = ((tokens, idx, _o, env) => codeBlock(tokens[idx]!.content, '', env)) satisfies RendererRule;

rules.softbreak = ((_t, _i, _o, env) => (optionsOf(env).softBreaks === 'space' ? '\n' : '<br>\n')) satisfies RendererRule;

const alignedCell: RendererRule = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  const align = /text-align:(left|center|right)/.exec(String(token.attrGet('style') ?? ''))?.[1];
  if (align) {
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    token.attrSet('class', `align-${align}`);
  }
  return self.renderToken(tokens, idx, options);
};
rules.th_open = alignedCell;
rules.td_open = alignedCell;

/** HTML of a parsed document. Renders a copy of the tokens' attributes, so one parse can feed every target. */
export function toHtml(doc: MarkdownDocument, options: HtmlOptions = {}): string {
  const tokens = doc.tokens.map(copyToken);
  return markdownParser.renderer.render(tokens, markdownParser.options, { ...options });
}

function copyToken(token: Token): Token {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token);
  copy.attrs = token.attrs ? token.attrs.map(([k, v]) => [k, v] as [string, string]) : null;
  copy.children = token.children ? token.children.map(copyToken) : null;
  return copy;
}
