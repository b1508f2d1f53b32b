// A line scanner for runbook Markdown that knows which lines sit inside fenced code blocks, so lists in code are never steps.
export interface MarkdownLine {
  /** 1-based line number within the scanned text. */
  number: number;
  text: string;
  inFence: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function scanMarkdownLines(text: string): MarkdownLine[] {
  const lines = text.split(/\r?\n/);
  const out: MarkdownLine[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const opener = FENCE.exec(line)?.[1];
    if (fence === undefined && opener) {
      fence = opener;
      out.push({ number: i + 1, text: line, inFence: true });
      continue;
    }
    if (fence !== undefined) {
      const closes = opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener;
      out.push({ number: i + 1, text: line, inFence: true });
      if (closes) fence = undefined;
      continue;
    }
    out.push({ number: i + 1, text: line, inFence: false });
  }
  return out;
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;

export function headingOf(line: string): { level: number; text: string } | undefined {
  const m = HEADING.exec(line);
  return m ? { level: m[1]!.length, text: m[2]!.trim() } : undefined;
}
