// The runbook library browser: instant search and filters on the left, the selected runbook on the right, sync status below.
import { useState } from 'react';
import type { RunbookFilter } from '../../../../shared/runbooks/library-filter';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LibraryFilters } from './LibraryFilters';
import { LibrarySyncPanel } from './LibrarySyncPanel';
import { useChecklistMutations, useRunbookList, useRunbookSearch } from './runbook-queries';
import { RunbookListItem } from './RunbookListItem';
import { RunbookViewer } from './RunbookViewer';

export function RunbookLibraryDialog({
  incidentId,
  attachedIds,
  initialRunbookId,
  canAttach,
  onClose,
}: {
  incidentId: string;
  attachedIds: readonly string[];
  initialRunbookId?: string;
  /** False during playback: the library can be read but nothing is attached to the past. */
  canAttach: boolean;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<RunbookFilter>({});
  const [selected, setSelected] = useState<string | undefined>(initialRunbookId);
  const list = useRunbookList(filter);
  const search = useRunbookSearch(query, filter);
  const { attach } = useChecklistMutations(incidentId);
  const searching = query.trim().length > 0;
  const runbooks = searching ? (search.data?.hits.map((h) => h.runbook) ?? []) : (list.data?.runbooks ?? []);

  return (
    <Dialog title="Runbook library" onClose={onClose} wide>
      <div className="runbook-library">
        <div className="runbook-library-browser">
          <LibraryFilters query={query} filter={filter} facets={list.data?.facets} onQuery={setQuery} onFilter={setFilter} />
          <ErrorNotice error={list.error ?? search.error} title="The library could not be read" />
          <p className="pane-meta" aria-live="polite">
            {searching ? `${runbooks.length} matching “${query.trim()}”` : `${runbooks.length} runbooks`}
          </p>
          <ul className="runbook-list" aria-label="Runbooks">
            {runbooks.map((r) => (
              <RunbookListItem key={r.id} runbook={r} selected={r.id === selected} attached={attachedIds.includes(r.id)} onSelect={() => setSelected(r.id)} />
            ))}
          </ul>
          {runbooks.length === 0 && (searching ? search.isFetched : list.isFetched) ? <p className="empty-state">No runbook matches.</p> : null}
        </div>
        <div className="runbook-library-reader">
          {selected ? (
            <>
              <ErrorNotice error={attach.error} title="Runbook not attached" />
              <RunbookViewer runbookId={selected} attached={attachedIds.includes(selected)} canAttach={canAttach} attaching={attach.isPending} onAttach={() => attach.mutate(selected)} />
            </>
          ) : (
            <p className="empty-state">Pick a runbook to read it and attach it to this incident as a checklist.</p>
          )}
        </div>
      </div>
      {list.data ? <LibrarySyncPanel status={list.data.library} /> : null}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
