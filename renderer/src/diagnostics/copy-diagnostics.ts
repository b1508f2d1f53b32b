// "Copy diagnostics": asks the core for its redacted report and puts it on the clipboard, saying plainly what happened.
import type { FirebreakClient } from '../api/client';

export type CopyOutcome = { ok: true; message: string } | { ok: false; message: string; text?: string };

export interface ClipboardLike {
  writeText(text: string): Promise<void>;
}

export async function copyDiagnostics(client: Pick<FirebreakClient, 'call'>, clipboard: ClipboardLike | undefined): Promise<CopyOutcome> {
  const result = await client.call('app.diagnostics', {});
  if (!result.ok) return { ok: false, message: `Diagnostics could not be collected: ${result.error.message}` };
  const { text, logFile } = result.value;
  if (!clipboard) return { ok: false, message: 'This window has no clipboard access; select the report below and copy it by hand.', text };
  try {
    await clipboard.writeText(text);
  } catch (e) {
    // Browsers refuse clipboard writes without focus or permission; the report is still shown so nothing is lost.
    return { ok: false, message: `The clipboard refused the report (${e instanceof Error ? e.message : String(e)}); select it below and copy it by hand.`, text };
  }
  const lines = text.split('\n').length;
  return { ok: true, message: `Diagnostics copied to the clipboard (${lines} lines, secrets removed). Full log: ${logFile}` };
}
