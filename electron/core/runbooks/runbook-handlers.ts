// The router handlers for every runbooks.* channel, so firebreak-core registers the whole domain with one spread.
import type { Handlers } from '../ipc/router';
import type { ChecklistService } from './checklist-service';
import type { RunbookLibrary } from './runbook-library';

type RunbookChannel = Extract<keyof Handlers, `runbooks.${string}`>;

export function runbookHandlers(library: RunbookLibrary, checklists: ChecklistService): Pick<Handlers, RunbookChannel> {
  return {
    // Listing rescans (a stat per file), so edits made in an editor show up without a sync.
    'runbooks.list': async (filter) => {
      await library.ready();
      await library.refresh();
      return library.list(filter);
    },
    'runbooks.search': async ({ query, limit, ...filter }) => {
      await library.ready();
      return { hits: library.search(query, filter, limit) };
    },
    'runbooks.get': async ({ runbookId }) => {
      await library.ready();
      return library.get(runbookId);
    },
    'runbooks.library': async () => {
      await library.ready();
      return library.status();
    },
    'runbooks.configureSync': ({ source }) => library.configure(source),
    'runbooks.syncNow': () => library.syncNow(),
    'runbooks.attach': (input) => checklists.attach(input),
    'runbooks.checkStep': (input) => checklists.check(input),
    'runbooks.uncheckStep': (input) => checklists.uncheck(input),
    'runbooks.skipStep': (input) => checklists.skip(input),
    'runbooks.assignStep': (input) => checklists.assign(input),
    'runbooks.noteStep': (input) => checklists.note(input),
    'runbooks.checklists': ({ incidentId }) => checklists.checklists(incidentId),
    'runbooks.alertOffers': ({ incidentId }) => checklists.alertOffers(incidentId),
  };
}
