// Shape checks the schemas cannot make on their own: how deep an input nests (checked before parsing, without recursion, so a
// 100k-deep object is a clear error rather than a stack overflow) and which keys the parse dropped because no schema knows them.

/** Deeper than any contract input nests (service entries and settings reach about 8); JSON pasted by hand stays far below. */
export const MAX_INPUT_DEPTH = 64;

/** True when `value` nests objects or arrays deeper than `max` levels; iterative, so any depth is safe to check. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(current as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Paths of keys present in `input` but missing from `parsed`. zod objects drop keys they do not know, so comparing what went in
 * with what came out finds every unknown key at any depth, in every channel, while loose objects and records (which keep
 * their keys by design) pass. Keys whose value is undefined are ignored: JSON has no undefined, structured clone does.
 */
export function unknownKeys(input: unknown, parsed: unknown, limit = 5): string[] {
  const found: string[] = [];
  const stack: { input: unknown; parsed: unknown; path: string }[] = [{ input, parsed, path: '' }];
  while (stack.length > 0 && found.length < limit) {
    const { input: given, parsed: kept, path } = stack.pop()!;
    if (Array.isArray(given) && Array.isArray(kept)) {
      given.forEach((item, i) => stack.push({ input: item, parsed: kept[i], path: `${path}[${i}]` }));
    } else if (isPlainObject(given) && isPlainObject(kept)) {
      for (const [key, value] of Object.entries(given)) {
        if (value === undefined) continue;
        const keyPath = path ? `${path}.${key}` : key;
        if (!Object.prototype.hasOwnProperty.call(kept, key)) found.push(keyPath);
        else stack.push({ input: value, parsed: kept[key], path: keyPath });
      }
    }
  }
  return found.slice(0, limit);
}
