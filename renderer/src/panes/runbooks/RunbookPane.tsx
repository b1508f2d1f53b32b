// The cockpit's runbook pane: every runbook attached to the incident as a checklist (live, or replayed read-only during playback).
import { useState } from 'react';
import type { PaneProps } from '../../playback/pane-moment';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AlertRunbookOffers } from './AlertRunbookOffers';
import { ChecklistCard } from './ChecklistCard';
import { RunbookLibraryDialog } from './RunbookLibraryDialog';
import { useChecklists, useLibraryEventSync } from './runbook-queries';
import { channelAccess } from '../../api/access';
import './runbooks.css';
import { PaneControls } from '../../cockpit/PaneControls';
import { usePaletteCommands } from '../../palette/command-registry';

export function RunbookPane({ incidentId, asOf }: PaneProps) {
  useLibraryEventSync();
  // A past moment is replayed from its events; only the live cockpit asks the core.
  const live = useChecklists(incidentId, asOf === undefined);
  // Playback shows the checklists exactly as the events up to that moment left them.
  const replayed = asOf?.state.checklists;
  const [library, setLibrary] = useState<{ open: boolean; runbookId?: string }>({ open: false });
  const lists = replayed ?? live.data ?? [];
  const readOnly = replayed !== undefined;
  usePaletteCommands('runbooks', readOnly ? [] : [{ id: 'attach-runbook', label: 'Attach runbook…', hint: 'open the runbook library', needs: 'runbooks.attach', run: () => setLibrary({ open: true }) }]);
  return (
    <section className={lists.length === 0 ? 'pane runbook-pane runbook-pane-empty' : 'pane runbook-pane'} aria-labelledby="runbooks-title" data-pane="runbooks">
      <header className="pane-header">
        <h2 id="runbooks-title">Runbooks</h2>
        <span className="pane-meta">{lists.length === 1 ? '1 checklist' : `${lists.length} checklists`}</span>
        <PaneControls pane="runbooks" title="Runbooks">
          {/* The library lives on this machine; a review bundle carries only the checklists that were worked. */}
          {channelAccess().serves('runbooks.list') ? (
            <button type="button" onClick={() => setLibrary({ open: true })}>
              Runbook library…
            </button>
          ) : null}
        </PaneControls>
      </header>
      {readOnly ? null : <ErrorNotice error={live.error} title="Checklists could not be loaded" />}
      {readOnly ? null : <AlertRunbookOffers incidentId={incidentId} />}
      {(readOnly || live.isFetched) && lists.length === 0 ? (
        <p className="empty-state">
          {readOnly ? 'No runbook was attached at this moment.' : 'No runbook attached yet. Open the library, pick a runbook and attach it to work through it as a checklist.'}
        </p>
      ) : null}
      {lists.map((list) => (
        <ChecklistCard key={list.runbookId} incidentId={incidentId} checklist={list} readOnly={readOnly} onOpen={(runbookId) => setLibrary({ open: true, runbookId })} />
      ))}
      {library.open ? (
        <RunbookLibraryDialog
          incidentId={incidentId}
          attachedIds={lists.map((l) => l.runbookId)}
          canAttach={!readOnly}
          {...(library.runbookId ? { initialRunbookId: library.runbookId } : {})}
          onClose={() => setLibrary({ open: false })}
        />
      ) : null}
    </section>
  );
}
