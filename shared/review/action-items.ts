// Finds the open action items in a review document: unchecked "- [ ]" lines under its "Action items" heading.
export function actionItemsOf(markdown: string): string[] {
  const items: string[] = [];
  let inSection = false;
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      inSection = /action items/i.test(heading[1]!);
      continue;
    }
    const item = inSection ? /^\s*[-*]\s+\[ \]\s+(.+?)\s*$/.exec(line) : null;
    if (item && !/^_.*_$/.test(item[1]!)) items.push(item[1]!);
  }
  return items;
}
