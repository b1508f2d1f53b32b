// Moves focus to an incident's note composer once its cockpit is on screen (after declaring or switching), so the
// commander can type at once instead of focus falling to <body>. The composer carries the element id below.
export const NOTE_COMPOSER_ID = 'note-composer';

/** How long to wait for the cockpit to render before giving up quietly (focus then stays where it is). */
const GIVE_UP_MS = 5000;

export function focusNoteComposer(incidentId: string): void {
  const selector = `[data-incident-id="${CSS.escape(incidentId)}"] #${NOTE_COMPOSER_ID}`;
  const tryFocus = () => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) return false;
    el.focus();
    return true;
  };
  if (tryFocus()) return;
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = window.setTimeout(() => stop(), GIVE_UP_MS);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-incident-id'] });
}
