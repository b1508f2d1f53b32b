// Finds the open action items in a review document: unchecked "- [ ]" lines under its "Action items" heading. Headings and
// code come from the Markdown pipeline's parse, so a "# …" or "- [ ]" line inside a code block is never taken for one.
import { scanMarkdownLines } from '../markdown/lines';

export function actionItemsOf(markdown: string): string[] {
  const items: string[] = [];
  let inSection = false;
  for (const line of scanMarkdownLines(markdown)) {
    if (line.heading) {
      inSection = /action items/i.test(line.heading.text);
      continue;
    }
    const item = inSection && !line.inFence ? /^\s*[-*]\s+\[ \]\s+(.+?)\s*$/.exec(line.text) : null;
    if (item && !/^_.*_$/.test(item[1]!)) items.push(item[1]!);
  }
  return items;
}
