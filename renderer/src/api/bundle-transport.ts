// Read-only transport for a review bundle opened straight from its HTML file: answers the contract from the embedded log.
import { IncidentEvent } from '../../../shared/events';
import { projectIncident } from '../../../shared/incidents/incident-state';
import type { LogProblem } from '../../../shared/ipc';
import { CaptureSegment, fromSegment, type CapturedRange } from '../../../shared/metrics/capture-segment';
import { capturedMetricsView } from '../../../shared/metrics/captured-view';
import { BUNDLE_ELEMENT_ID, ReviewBundle } from '../../../shared/review/bundle-format';
import { generateReviewDraft } from '../../../shared/review/review-draft';
import type { Result } from '../../../shared/result';
import type { Transport } from './client';

export const hasEmbeddedBundle = (): boolean => typeof document !== 'undefined' && document.getElementById(BUNDLE_ELEMENT_ID) !== null;

async function sha256Hex(text: string): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

interface LoadedBundle {
  bundle?: ReviewBundle;
  events: IncidentEvent[];
  problems: LogProblem[];
}

/** Captured metrics segments carried in the bundle (files metrics/<panel>/<segment>.json), by panel key. */
function capturedPanels(bundle: ReviewBundle | undefined): { panels: Map<string, CapturedRange[]>; problems: string[] } {
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

async function loadBundle(): Promise<LoadedBundle> {
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

const readOnly = (channel: string): Result<never> => ({
  ok: false,
  error: { code: 'unavailable', message: `This is a read-only review bundle opened in a browser; "${channel}" needs Firebreak. Import the file into Firebreak to work with it.` },
});

export function createBundleTransport(): Transport {
  const loaded = loadBundle();
  // The bundle never changes: project the incident and decode its captured metrics once, not on every call while scrubbing.
  const derived = loaded.then(({ bundle, events }) => {
    const id = bundle?.incident.id ?? 'review-bundle';
    return { id, state: projectIncident(id, events), captured: capturedPanels(bundle) };
  });
  return {
    async invoke(channel, input) {
      const { bundle, events, problems } = await loaded;
      const { id, state, captured } = await derived;
      const item = state ? { id, state, problems } : { id, problems };
      switch (channel) {
        case 'app.info':
          return { ok: true, value: { version: bundle?.appVersion ?? 'unknown', mode: 'bundle', dataDir: 'review bundle (read-only)', operator: bundle?.exportedBy ?? 'reviewer', capabilities: [] } };
        case 'incidents.list':
          return { ok: true, value: [item] };
        case 'incidents.get':
          return { ok: true, value: item };
        case 'timeline.events': {
          const { afterSeq = 0, limit = 2000 } = input as { afterSeq?: number; limit?: number };
          const from = events.findIndex((e) => e.seq > afterSeq);
          const page = from === -1 ? [] : events.slice(from, from + limit);
          return { ok: true, value: { events: page, lastSeq: events.at(-1)?.seq ?? 0, hasMore: from !== -1 && from + limit < events.length } };
        }
        case 'review.get': {
          const saved = events.findLast((e) => e.type === 'review.saved');
          return {
            ok: true,
            value: {
              generated: generateReviewDraft(id, events),
              ...(saved?.type === 'review.saved' ? { saved: { markdown: saved.payload.markdown, savedAt: saved.ts, by: saved.actor } } : {}),
            },
          };
        }
        case 'metrics.captured': {
          if (!state) return readOnly(channel);
          const { untilMs, widthPx = 600 } = input as { untilMs?: number; widthPx?: number };
          const { panels, problems: captureProblems } = captured;
          const view = capturedMetricsView({
            incidentId: id,
            state,
            events,
            captured: panels,
            captureProblems,
            untilMs,
            widthPx,
            now: Date.parse(events.at(-1)?.ts ?? state.updatedAt),
            config: { configured: panels.size > 0, alertmanagerConfigured: false, refreshSeconds: 5, range: { leadInSeconds: 30 * 60, tailSeconds: 30 * 60 } },
          });
          return { ok: true, value: view };
        }
        default:
          return readOnly(channel);
      }
    },
    subscribe: () => () => undefined,
  };
}
