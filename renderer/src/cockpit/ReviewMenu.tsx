// The review tools (playback, the post-incident review, the review bundle) folded into one header menu, so while the
// incident is live they take one button instead of a toolbar row.
import { useRef } from 'react';
import { usePlaybackStore } from '../state/playback-store';
import { useUiStore } from '../state/ui-store';
import { ExportBundleButton } from '../review/ExportBundleButton';

export function ReviewMenu({ incidentId, playbackStart, canPlay, readOnly }: { incidentId: string; playbackStart: number; canPlay: boolean; readOnly: boolean }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const openDialog = useUiStore((s) => s.openDialog);
  const active = usePlaybackStore((s) => s.active);
  const start = usePlaybackStore((s) => s.start);
  const close = () => {
    if (ref.current) ref.current.open = false;
  };
  return (
    <details ref={ref} className="review-menu">
      <summary>Review</summary>
      <div className="menu-panel" role="group" aria-label="Review tools">
        {active ? null : (
          <button
            type="button"
            disabled={!canPlay}
            onClick={() => {
              start(playbackStart);
              close();
            }}
          >
            ▶ Review playback
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            openDialog('review');
            close();
          }}
        >
          Post-incident review…
        </button>
        {readOnly ? null : <ExportBundleButton incidentId={incidentId} />}
      </div>
    </details>
  );
}
