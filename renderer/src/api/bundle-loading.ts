// Reads the review bundle embedded in this HTML file: its events (each validated), its checksum, and its captured metrics.
import { IncidentEvent } from '../../../shared/events';
import type { LogProblem } from '../../../shared/ipc';
import { CaptureSegment, fromSegment, type CapturedRange } from '../../../shared/metrics/capture-segment';
import { BUNDLE_ELEMENT_ID, ReviewBundle } from '../../../shared/review/bundle-format';

export const hasEmbeddedBundle = (): boolean => typeof document !== 'undefined' && document.getElementById(BUNDLE_ELEMENT_ID) !== null;

export interface LoadedBundle {
  bundle?: ReviewBundle;
  events: IncidentEvent[];
  problems: LogProblem[];
}

async function sha256Hex(text: string): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Captured metrics segments carried in the bundle (files metrics/<panel>/<segment>.json), by panel key. */
export function capturedPanels(bundle: ReviewBundle | undefined): { panels: Map<string, CapturedRange[]>; problems: string[] } {
  const panels = new Map<string, CapturedRange[]>();
  const problems: string[] = [];
  for (const file of [...(bundle?.files ?? [])].sort((a, b) => a.path.localeCompare(b.path))) {
    const match = /^metrics\/([a-z0-9-]{1,80})\/[^/]+\.json$/.exec(file.path);
    if (!match) continue;
    try {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const segment = CaptureSegment.parse(JSON.parse(new TextDecoder().decode(bytes)));
      panels.set(match[1]!, [...(panels.get(match[1]!) ?? []), fromSegment(segment)]);
    } catch (e) {
      problems.push(`Captured file ${file.path} was skipped: ${(e as Error).message}`);
    }
  }
  return { panels, problems };
}

export async function loadBundle(): Promise<LoadedBundle> {
  const file = 'review bundle';
  try {
    const bundle = ReviewBundle.parse(JSON.parse(document.getElementById(BUNDLE_ELEMENT_ID)!.textContent ?? ''));
    const problems: LogProblem[] = [];
    const digest = await sha256Hex(bundle.events);
    if (digest !== undefined && digest !== bundle.eventsSha256) {
      problems.push({ kind: 'chain_broken', file, line: 0, message: "The bundle's event log does not match its checksum: it was modified after export. Do not rely on it." });
    }
    const events: IncidentEvent[] = [];
    bundle.events
      .split('\n')
      .filter(Boolean)
      .forEach((line, i) => {
        const parsed = IncidentEvent.safeParse(JSON.parse(line));
        if (parsed.success) events.push(parsed.data);
        else problems.push({ kind: 'corrupt_line', file, line: i + 1, message: `Event ${i + 1} is invalid and is left out.` });
      });
    return { bundle, events, problems };
  } catch (e) {
    return { events: [], problems: [{ kind: 'unreadable', file, line: 0, message: `This review bundle cannot be read: ${(e as Error).message}` }] };
  }
}
