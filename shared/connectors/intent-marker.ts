// The marker Firebreak puts in comments and notes it writes, so a resend can find an earlier copy and a sync can skip its own echoes.

// The key ends where key characters end: a trailing \b would cut a base64url key ending in "-" short, and the copy already sent
// would then not be found (and be sent again after a crash).
const MARKER = /\bfirebreak:([A-Za-z0-9_-]{8,80})(?![A-Za-z0-9_-])/;

export function intentMarker(intentKey: string): string {
  return `firebreak:${intentKey}`;
}

/** The footer appended to a note or comment: short, readable, and unique per write. */
export function markerFooter(intentKey: string): string {
  return `Sent from Firebreak (ref ${intentMarker(intentKey)})`;
}

export function findIntentKey(text: string): string | undefined {
  return MARKER.exec(text)?.[1];
}

/** Exact match on any marker in the text (a quoted earlier comment may carry another one; prefixes never match). */
export function hasIntentMarker(text: string, intentKey: string): boolean {
  for (const m of text.matchAll(new RegExp(MARKER.source, 'g'))) if (m[1] === intentKey) return true;
  return false;
}
