// Copies a rendered code block's text to the clipboard, with a fallback for contexts without the async clipboard API.
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** Click handler for a container of rendered runbook HTML: handles its `data-copy-code` buttons. */
export function handleCopyClick(event: { target: EventTarget | null }): void {
  const button = (event.target as Element | null)?.closest?.('button[data-copy-code]');
  const code = button?.parentElement?.querySelector('pre code');
  if (!button || !code) return;
  void copyText(code.textContent ?? '').then((ok) => {
    button.textContent = ok ? 'Copied' : 'Copy failed';
    window.setTimeout(() => (button.textContent = 'Copy'), 1500);
  });
}
