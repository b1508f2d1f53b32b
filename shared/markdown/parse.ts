// The one Markdown parser of the product: every target (preview HTML, Jira ADF, plain text, runbook viewer, review editor,
// runbook step scanner) renders the token stream parsed here, so what the preview shows is what each target carries.
import MarkdownItFactory, { type MarkdownIt, type Token } from 'markdown-it';

export type { Token };

/** Only these link targets become links anywhere (preview, Jira, runbooks); anything else stays literal text. */
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

export function isSafeHref(url: string): boolean {
  return SAFE_HREF.test(url.trim());
}

/**
 * GitHub-flavoured enough for incident writing: tables and ~~strikethrough~~ (markdown-it's default preset), bare
 * http(s) URLs linked, raw HTML never interpreted (it stays text in every target), no typographic replacements (what is
 * typed is what is sent). Line breaks are kept as line breaks in every target (chat-tool semantics); the runbook viewer
 * alone may show them as spaces for hard-wrapped files.
 */
const parser = new MarkdownItFactory('default', { html: false, linkify: true, breaks: true, typographer: false });
// Bare domains ("checkout.example") are not turned into links: only URLs with a scheme or www.
parser.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
parser.validateLink = isSafeHref;

/** A parsed document: parse once with parseMarkdown, then hand it to toHtml / toAdf / toPlainText. */
export interface MarkdownDocument {
  readonly source: string;
  readonly tokens: readonly Token[];
}

export function parseMarkdown(source: string): MarkdownDocument {
  return { source, tokens: parser.parse(source, {}) };
}

/** The parser instance, for the HTML renderer's rules (rendering only; nothing else may parse with it). */
export const markdownParser: MarkdownIt = parser;
