// A timeline entry's text with Jira keys (e.g. PAY-4821) linked to the configured Jira site; plain text when Jira is not set up.
import { splitJiraKeys } from '../../../../shared/git/jira-keys';

export function TimelineText({ text, jiraSite, tabIndex }: { text: string; jiraSite: string | undefined; tabIndex?: number }) {
  if (!jiraSite) return <span className="timeline-text">{text}</span>;
  const base = jiraSite.replace(/\/+$/, '');
  return (
    <span className="timeline-text">
      {splitJiraKeys(text).map((part, i) =>
        part.jiraKey ? (
          // Opens outside the app: the desktop window denies new windows and hands http(s) links to the OS browser.
          <a key={i} tabIndex={tabIndex} href={`${base}/browse/${encodeURIComponent(part.jiraKey)}`} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}
