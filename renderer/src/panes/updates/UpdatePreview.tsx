// Live preview of the rendered update (Markdown, raw HTML disabled) and its word diff against the previous update to the audience.
import MarkdownIt from 'markdown-it';
import { useMemo, useState } from 'react';
import type { UpdateDiff } from '../../../../shared/updates/update-diff';
import { Time } from '../../time/Time';
import { RovingToolbar } from '../../ui/RovingToolbar';

// Line breaks show as breaks, as chat tools do; raw HTML stays text.
const markdown = new MarkdownIt('commonmark', { html: false, breaks: true });

interface Props {
  text: string | undefined;
  diff: UpdateDiff | undefined;
  previous: { ts: string; actor: string } | undefined;
  label: string;
}

export function UpdatePreview({ text, diff, previous, label }: Props) {
  const [view, setView] = useState<'preview' | 'diff'>('preview');
  const html = useMemo(() => (text === undefined ? '' : markdown.render(text)), [text]);
  return (
    <div className="update-preview">
      {/* One tab stop for the two views; arrows switch between them. */}
      <RovingToolbar label="Preview mode" className="segmented">
        <button type="button" aria-pressed={view === 'preview'} onClick={() => setView('preview')}>
          Preview
        </button>
        <button type="button" aria-pressed={view === 'diff'} onClick={() => setView('diff')}>
          Changes since last update{diff && previous ? ` (+${diff.added} −${diff.removed})` : ''}
        </button>
      </RovingToolbar>
      {text === undefined ? (
        <p className="preview-blocked">Fix the problems in the draft to see the update. A draft with problems cannot be published.</p>
      ) : view === 'preview' ? (
        // Links in a preview must not navigate the cockpit away.
        <div className="preview-body" aria-label="Update preview" dangerouslySetInnerHTML={{ __html: html }} onClick={(e) => (e.target as HTMLElement).closest('a') && e.preventDefault()} />
      ) : !previous ? (
        <p className="preview-blocked">No update has been published to {label} yet: this will be the first.</p>
      ) : (
        <div className="preview-diff" aria-label="Changes since the last update">
          <p className="preview-diff-meta">
            Against the update published <Time at={previous.ts} /> by {previous.actor}
          </p>
          <pre>
            {diff?.parts.map((p, i) =>
              p.kind === 'added' ? <ins key={i}>{p.text}</ins> : p.kind === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>,
            )}
          </pre>
        </div>
      )}
    </div>
  );
}
