// Read-only transport for a review bundle opened straight from its HTML file. It is a partial implementation of the same
// handler contract the core serves, dispatched by the same router (inputs validated by the contract schemas): it answers
// what can be projected from the recorded events, and serves nothing that changes data — the cockpit asks `serves()` and
// hides those commands, so a refusal here is a bug, reported on the console for the e2e test to catch.
import { projectLinks } from '../../../shared/connectors/incident-links';
import { projectIncident } from '../../../shared/incidents/incident-state';
import { defaultRangeOptions } from '../../../shared/metrics/incident-range';
import { capturedMetricsView } from '../../../shared/metrics/captured-view';
import { projectOutbox } from '../../../shared/outbox/outbox-state';
import { generateReviewDraft } from '../../../shared/review/review-draft';
import { projectRollbacks } from '../../../shared/rollback/rollback-state';
import { projectChecklists } from '../../../shared/runbooks/checklist';
import { createRouter, type Handlers } from '../../../shared/ipc/router';
import type { Channel } from '../../../shared/ipc';
import { DomainError, fail } from '../../../shared/result';
import { timelinePage } from '../../../shared/timeline/timeline-page';
import { capturedPanels, loadBundle, type LoadedBundle } from './bundle-loading';
import type { Transport } from './client';

export { hasEmbeddedBundle } from './bundle-loading';

export const BUNDLE_READ_ONLY_REASON = 'This is a read-only review bundle. Import it into Firebreak to work with the incident.';

/** The handlers a bundle can answer, all projections of the events it carries. */
export function bundleHandlers({ bundle, events, problems }: LoadedBundle): Partial<Handlers> {
  const id = bundle?.incident.id ?? 'review-bundle';
  const state = projectIncident(id, events);
  const item = state ? { id, state, problems } : { id, problems };
  const captured = capturedPanels(bundle);
  const requireIncident = (incidentId: string) => {
    if (incidentId !== id) throw new DomainError('not_found', `This review bundle holds only ${id}.`);
  };
  return {
    'app.info': () => ({ version: bundle?.appVersion ?? 'unknown', mode: 'bundle', dataDir: 'review bundle (read-only)', operator: bundle?.exportedBy ?? 'reviewer', capabilities: [] }),
    'incidents.list': () => [item],
    'incidents.get': ({ incidentId }) => (requireIncident(incidentId), item),
    'timeline.events': ({ incidentId, afterSeq, limit }) => (requireIncident(incidentId), timelinePage(events, events.at(-1)?.seq ?? 0, afterSeq, limit)),
    'review.get': ({ incidentId }) => {
      requireIncident(incidentId);
      const saved = events.findLast((e) => e.type === 'review.saved');
      return {
        generated: generateReviewDraft(id, events),
        ...(saved?.type === 'review.saved' ? { saved: { markdown: saved.payload.markdown, savedAt: saved.ts, by: saved.actor } } : {}),
      };
    },
    'jira.linked': ({ incidentId }) => (requireIncident(incidentId), projectLinks(events).jiraIssues),
    'outbox.list': ({ incidentId, status }) => {
      if (incidentId) requireIncident(incidentId);
      return projectOutbox(id, events)
        .filter((i) => !status || i.status === status)
        .reverse();
    },
    'rollback.list': ({ incidentId }) => (requireIncident(incidentId), projectRollbacks(events)),
    'runbooks.checklists': ({ incidentId }) => (requireIncident(incidentId), projectChecklists(events)),
    'metrics.captured': ({ incidentId, untilMs, widthPx }) => {
      requireIncident(incidentId);
      if (!state) throw new DomainError('not_found', 'This review bundle holds no readable incident.');
      return capturedMetricsView({
        incidentId: id,
        state,
        events,
        captured: captured.panels,
        captureProblems: captured.problems,
        untilMs,
        widthPx,
        now: Date.parse(events.at(-1)?.ts ?? state.updatedAt),
        config: { configured: captured.panels.size > 0, alertmanagerConfigured: false, refreshSeconds: 5, range: defaultRangeOptions },
      });
    },
  };
}

export function createBundleTransport(): Transport & { serves(channel: Channel): boolean } {
  // The bundle never changes: load, project and decode it once, not on every call while scrubbing.
  const handlers = loadBundle().then(bundleHandlers);
  const router = handlers.then((h) =>
    createRouter(
      h,
      (channel, error) => console.error(`[review bundle] ${channel} failed`, error),
      (channel) => {
        console.error(`[review bundle] the cockpit asked for "${channel}", which a read-only bundle does not serve`);
        return fail('unavailable', BUNDLE_READ_ONLY_REASON);
      },
    ),
  );
  // Known before the bundle is parsed: the set of channels is fixed, only the answers depend on the data.
  const served = new Set(Object.keys(bundleHandlers({ events: [], problems: [] })));
  return {
    invoke: async (channel, input) => (await router).dispatch(channel, input),
    subscribe: () => () => undefined,
    serves: (channel) => served.has(channel),
  };
}
