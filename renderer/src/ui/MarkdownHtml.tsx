// Shows HTML rendered by the Markdown pipeline (shared/markdown). The pipeline never emits raw HTML from the text, and this
// component still passes its output through DOMPurify with an allow-list of the tags the pipeline produces before it
// reaches the DOM, so a bug in a renderer rule can never become script or remote content in the cockpit.
import DOMPurify from 'dompurify';
import { useMemo, type HTMLAttributes } from 'react';
import './markdown.css';

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 's', 'code', 'pre', 'a', 'ul', 'ol', 'li', 'blockquote', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'button'];
const ALLOWED_ATTR = ['href', 'target', 'rel', 'class', 'start', 'type', 'aria-label', 'data-external-link', 'data-copy-code'];
// DOMPurify tests every kept attribute's value against this, not only URLs: values with a scheme must be http(s) or
// mailto; scheme-less values ("button", "_blank", "true") pass. (DOMPurify's default, with the other schemes removed.)
const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

export function sanitizeMarkdownHtml(html: string): string {
  // Fail closed: where DOMPurify cannot work (no usable DOM), show the markup as text rather than trusting it.
  if (!DOMPurify.isSupported) return html.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false, ALLOWED_URI_REGEXP });
}

type Props = Omit<HTMLAttributes<HTMLDivElement>, 'dangerouslySetInnerHTML' | 'children'> & { html: string };

export function MarkdownHtml({ html, ...rest }: Props) {
  const safe = useMemo(() => sanitizeMarkdownHtml(html), [html]);
  return <div {...rest} dangerouslySetInnerHTML={{ __html: safe }} />;
}
