// One Markdown pipeline: parse once, render to the preview's HTML, Jira's ADF and plain text (PagerDuty, clipboard).
import { parseMarkdown, type MarkdownDocument } from './parse';
import { toAdf, type AdfDoc } from './to-adf';
import { toHtml, type HtmlOptions } from './to-html';
import { toPlainText } from './to-plain-text';

export { isSafeHref, parseMarkdown, type MarkdownDocument, type Token } from './parse';
export { toAdf, type AdfDoc, type AdfMark, type AdfNode } from './to-adf';
export { toHtml, type HtmlOptions } from './to-html';
export { toPlainText } from './to-plain-text';

export interface RenderedMarkdown {
  html: string;
  adf: AdfDoc;
  plainText: string;
}

/** Every target of one text, from a single parse. */
export function renderMarkdown(source: string, html: HtmlOptions = {}): RenderedMarkdown {
  const doc: MarkdownDocument = parseMarkdown(source);
  return { html: toHtml(doc, html), adf: toAdf(doc), plainText: toPlainText(doc) };
}

export const markdownToHtml = (source: string, options?: HtmlOptions): string => toHtml(parseMarkdown(source), options);
export const markdownToAdf = (source: string): AdfDoc => toAdf(parseMarkdown(source));
export const markdownToPlainText = (source: string): string => toPlainText(parseMarkdown(source));
export { firstSentence } from './summary';
