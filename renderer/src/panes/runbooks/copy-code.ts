// Copy buttons on rendered runbook code blocks.
import { copyText } from '../../ui/clipboard';

/** Click handler for a container of rendered runbook HTML: handles its `data-copy-code` buttons. */
export function handleCopyClick(event: { target: EventTarget | null }): void {
  const button = (event.target as Element | null)?.closest?.('button[data-copy-code]');
  const code = button?.parentElement?.querySelector('pre code');
  if (!button || !code) return;
  void copyText(code.textContent ?? '').then(
    () => true,
    () => false,
  ).then((ok) => {
    button.textContent = ok ? 'Copied' : 'Copy failed';
    window.setTimeout(() => (button.textContent = 'Copy'), 1500);
  });
}
