// Escaping for the generated page and feed. Hand-written because it is five replacements: every piece of text that
// reaches HTML or XML passes through here, attribute values included, so no update text can open a tag or an attribute.
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

/** XML 1.0 forbids most control characters even as references; they are dropped rather than making the feed invalid. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeMarkup(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}
