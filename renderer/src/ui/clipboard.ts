// Copies text to the clipboard: the async Clipboard API, falling back to a selection copy where that API is refused. Shared by every copy button.
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch (e) {
    // Some hosts (a locked-down Electron session, an insecure origin) refuse the Clipboard API but allow a selection copy.
    if (!copyBySelection(text)) throw e instanceof Error ? e : new Error(String(e));
  }
}

function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  const focused = document.activeElement as HTMLElement | null;
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    focused?.focus();
  }
}
