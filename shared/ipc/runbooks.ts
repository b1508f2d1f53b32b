// IPC contract for runbooks: browse, filter and search the library, read one, sync it, and work its checklist in an incident.
import { z } from 'zod';
import { Severity } from '../incidents/severity';
import { RunbookChecklist } from '../runbooks/checklist';
import { RunbookOrigin, RunbookStep, RunbookSummary } from '../runbooks/runbook';
import { request } from './define';
import { IncidentId } from './incidents';

export const RunbookId = z.string().trim().min(1, 'Required').max(400);
const StepId = z.string().regex(/^step-\d{1,4}$/, 'Not a step id');

/** Where the shared library comes from: nothing but the bundled and local runbooks, a git repository, or a folder. */
export const SyncSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('git'),
    url: z
      .string()
      .trim()
      .min(1, 'Required')
      .max(2000)
      .refine((u) => !u.startsWith('-'), 'A repository URL cannot start with "-"'),
    branch: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/, 'Not a branch name')
      .optional(),
  }),
  z.object({ kind: z.literal('folder'), path: z.string().trim().min(1, 'Required').max(4000) }),
]);
export type SyncSource = z.infer<typeof SyncSource>;

export const SyncOutcome = z.enum(['cloned', 'pulled', 'up_to_date', 'rescanned', 'offline', 'diverged', 'failed']);
export type SyncOutcome = z.infer<typeof SyncOutcome>;

export const SyncAttempt = z.object({
  at: z.string(),
  outcome: SyncOutcome,
  message: z.string(),
  /** Files changed in the local copy that a pull did not touch; they are kept, never overwritten. */
  localChanges: z.array(z.string()).optional(),
});
export type SyncAttempt = z.infer<typeof SyncAttempt>;

export const LibraryStatus = z.object({
  source: SyncSource,
  /** The last successful pull: when, and which commit the library is working from. */
  lastSync: z.object({ at: z.string(), commit: z.string().optional() }).optional(),
  lastAttempt: SyncAttempt.optional(),
  folders: z.array(z.object({ origin: RunbookOrigin, path: z.string(), count: z.number().int() })),
  total: z.number().int(),
  withProblems: z.number().int(),
});
export type LibraryStatus = z.infer<typeof LibraryStatus>;

const Filter = z.object({ service: z.string().max(80).optional(), severity: Severity.optional(), tag: z.string().max(60).optional() });

export const RunbookSearchHit = z.object({
  runbook: RunbookSummary,
  score: z.number(),
  matchedIn: z.array(z.enum(['title', 'labels', 'body'])),
});
export type RunbookSearchHit = z.infer<typeof RunbookSearchHit>;

export const RunbookDetail = z.object({
  runbook: RunbookSummary,
  /** Safe HTML: raw HTML in the source is escaped, links are http(s)/mailto only and open outside the app. */
  html: z.string(),
  steps: z.array(RunbookStep),
});
export type RunbookDetail = z.infer<typeof RunbookDetail>;

/** A runbook an alert of the incident links to (its runbook_url annotation) that is in the library and not attached yet. */
export const AlertRunbookOffer = z.object({
  runbookId: RunbookId,
  title: z.string(),
  /** The first alert that linked it. */
  alertname: z.string(),
  url: z.string(),
});
export type AlertRunbookOffer = z.infer<typeof AlertRunbookOffer>;

const ByStep = z.object({ incidentId: IncidentId, runbookId: RunbookId, stepId: StepId });

export const runbooksContract = {
  'runbooks.list': request(
    'The runbook library, filtered by service / severity / tag, with facets and the library status',
    Filter,
    z.object({
      runbooks: z.array(RunbookSummary),
      facets: z.object({ services: z.array(z.string()), severities: z.array(Severity), tags: z.array(z.string()) }),
      library: LibraryStatus,
    }),
  ),
  'runbooks.search': request(
    'Full-text search (prefix, typo-tolerant) ranked title > tags/services > body',
    Filter.extend({ query: z.string().max(200), limit: z.number().int().positive().max(200).default(50) }),
    z.object({ hits: z.array(RunbookSearchHit) }),
  ),
  'runbooks.get': request('One runbook rendered for reading, with its steps', z.object({ runbookId: RunbookId }), RunbookDetail),
  'runbooks.library': request('Where the library comes from and when it last synced', z.object({}), LibraryStatus),
  'runbooks.configureSync': request('Point the library at a git repository or folder (or none)', z.object({ source: SyncSource }), LibraryStatus),
  'runbooks.syncNow': request('Pull the configured library now; offline keeps the last pulled copy', z.object({}), LibraryStatus),
  'runbooks.attach': request(
    'Attach a runbook to an incident as a checklist',
    z.object({ incidentId: IncidentId, runbookId: RunbookId }),
    RunbookChecklist,
  ),
  'runbooks.checkStep': request('Check a step', ByStep, RunbookChecklist),
  'runbooks.uncheckStep': request('Uncheck a checked or skipped step', ByStep, RunbookChecklist),
  'runbooks.skipStep': request(
    'Skip a step, saying why',
    ByStep.extend({ reason: z.string().trim().min(1, 'Say why the step is skipped').max(2000) }),
    RunbookChecklist,
  ),
  'runbooks.assignStep': request('Give a step an owner', ByStep.extend({ owner: z.string().trim().min(1, 'Required').max(120) }), RunbookChecklist),
  'runbooks.noteStep': request('Add a note to a step', ByStep.extend({ text: z.string().trim().min(1, 'A note cannot be empty').max(4000) }), RunbookChecklist),
  'runbooks.alertOffers': request(
    "Runbooks the incident's alerts link to that are in the library and not attached yet, first alert first",
    z.object({ incidentId: IncidentId }),
    z.object({ offers: z.array(AlertRunbookOffer) }),
  ),
  'runbooks.checklists': request('The checklists attached to an incident', z.object({ incidentId: IncidentId }), z.array(RunbookChecklist)),
};
