// Finds Jira issue keys (e.g. PAY-1234) in commit messages, so the timeline can link a change to its ticket.
const JIRA_KEY = /\b[A-Z][A-Z0-9]+-\d+\b/g;

/** Distinct Jira keys in order of first appearance. */
export function jiraKeysIn(text: string): string[] {
  return [...new Set(text.match(JIRA_KEY) ?? [])];
}

/** Splits text into plain parts and Jira keys, for rendering keys as links without regex work in components. */
export function splitJiraKeys(text: string): { text: string; jiraKey?: string }[] {
  const parts: { text: string; jiraKey?: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(JIRA_KEY)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ text: m[0], jiraKey: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
