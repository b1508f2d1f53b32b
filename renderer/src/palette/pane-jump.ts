// Keyboard jumps between the cockpit's panes: G, then the pane's letter (G T timeline, G R runbooks …), listed in the palette
// and in the keyboard help. A two-key sequence rather than Alt+digit: Alt+1…8 switch tabs in Chromium and Firefox on Linux,
// and Option+digit types characters on macOS; single letters outside fields clash with neither.
import { useUiStore, type CockpitPaneId } from '../state/ui-store';

export const paneShortcuts: readonly { pane: CockpitPaneId; label: string; key: string }[] = [
  { pane: 'timeline', label: 'Timeline', key: 't' },
  { pane: 'runbooks', label: 'Runbooks', key: 'r' },
  { pane: 'rollback', label: 'Rollback', key: 'b' },
  { pane: 'hotfix', label: 'Hot fix', key: 'h' },
  { pane: 'connectors', label: 'Jira and PagerDuty', key: 'j' },
  { pane: 'metrics', label: 'Metrics', key: 'm' },
  { pane: 'updates', label: 'Stakeholder updates', key: 'u' },
];

/** The key that starts a pane jump. */
export const PANE_JUMP_PREFIX = 'g';

/** How a pane's jump is written beside its command: "G T". */
export const paneJumpShortcut = (key: string) => `${PANE_JUMP_PREFIX.toUpperCase()} ${key.toUpperCase()}`;

export type PaneName = CockpitPaneId;

/** Brings a pane into view and puts focus on it (the pane itself, so the next Tab enters it); false if not on screen. */
export function jumpToPane(pane: string): boolean {
  const el = document.querySelector<HTMLElement>(`[data-pane="${pane}"]`);
  if (!el) return false;
  focusPane(el);
  return true;
}

function focusPane(el: HTMLElement): void {
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.scrollIntoView({ block: 'nearest' });
  el.focus();
}

/** How many frames to wait for a changed layout to render the pane before giving up. */
const FRAMES_TO_WAIT = 30;

/**
 * Jumps to a pane even when another pane is maximised (the layout is restored first), and right after a pane was maximised
 * or restored: focus moves once the pane is on screen in the layout the store asks for, never to the copy about to be
 * replaced. Answers through `done` whether the pane was reached.
 */
export function goToPane(pane: CockpitPaneId, done: (reached: boolean) => void = () => undefined): void {
  const { maximisedPane, maximisePane } = useUiStore.getState();
  if (maximisedPane && maximisedPane !== pane) maximisePane(undefined);
  let frames = 0;
  const attempt = () => {
    const maximised = useUiStore.getState().maximisedPane !== undefined;
    const el = [...document.querySelectorAll<HTMLElement>(`[data-pane="${pane}"]`)].find((e) => (e.closest('.cockpit-maximised') !== null) === maximised);
    if (el) {
      focusPane(el);
      done(true);
    } else if (++frames > FRAMES_TO_WAIT) done(false);
    else requestAnimationFrame(attempt);
  };
  attempt();
}
