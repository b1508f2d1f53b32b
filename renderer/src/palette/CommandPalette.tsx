// Ctrl/Cmd+K command palette: type to filter, arrows to move, Enter to run. Lists the built-in commands and the ones the
// panes on screen contribute, with their keyboard shortcuts.
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { getClient } from '../api/client';
import { channelAccess } from '../api/access';
import { useIncidents } from '../api/queries';
import { useStatusChange } from '../incidents/use-status-change';
import { downloadText } from '../review/download';
import { usePlaybackStore } from '../state/playback-store';
import { useUiStore } from '../state/ui-store';
import { Dialog } from '../ui/Dialog';
import { focusNoteComposer } from '../ui/focus-composer';
import { useToastStore } from '../ui/toast-store';
import { useTimeZoneStore } from '../time/time-zone-store';
import { contributedCommands, useCommandRegistry } from './command-registry';
import { buildCommands, filterCommands, type PaletteCommand } from './commands';
import { goToPane } from './pane-jump';
import { ShortcutKeys } from './ShortcutKeys';

export function CommandPalette() {
  const paletteOpen = useUiStore((s) => s.paletteOpen);
  if (!paletteOpen) return null;
  return <PaletteBody />;
}

function PaletteBody() {
  const { openPalette, openDialog, selectedIncidentId: currentId, selectIncident } = useUiStore();
  const incidents = useIncidents();
  const access = channelAccess();
  const registry = useCommandRegistry();
  const statusChange = useStatusChange();
  const push = useToastStore((s) => s.push);
  const startPlayback = usePlaybackStore((s) => s.start);
  const stopPlayback = usePlaybackStore((s) => s.stop);
  const playbackActive = usePlaybackStore((s) => s.active);
  const exportBundle = useMutation({
    mutationFn: (incidentId: string) => getClient().callOrThrow('review.exportBundle', { incidentId }),
    onSuccess: ({ fileName, content }) => downloadText(fileName, content),
    onError: (err) => push({ message: `Export failed: ${err.message}` }),
  });
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { zone, setZone } = useTimeZoneStore();
  const commands = useMemo(() => {
    // Panes contribute their own actions; like the built-in ones, each is offered only where its channel is served.
    const contributed: PaletteCommand[] = contributedCommands(registry)
      .filter((c) => !c.needs || access.serves(c.needs))
      .map((c) => ({ id: `pane-cmd-${c.id}`, label: c.label, ...(c.hint ? { hint: c.hint } : {}), ...(c.shortcut ? { shortcut: c.shortcut } : {}), action: { kind: 'run', run: c.run } }));
    const context = { playbackActive, live: access.live };
    return filterCommands([...buildCommands(incidents.data ?? [], currentId, access.serves, zone, context), ...contributed], query);
  }, [incidents.data, currentId, query, registry, zone, playbackActive]);
  const close = () => openPalette(false);

  const run = (command: PaletteCommand | undefined) => {
    if (!command) return;
    const a = command.action;
    const current = incidents.data?.find((i) => i.id === currentId)?.state;
    if (a.kind === 'dialog') return openDialog(a.dialog);
    close();
    if (a.kind === 'open') {
      selectIncident(a.incidentId);
      focusNoteComposer(a.incidentId);
    } else if (a.kind === 'status' && current) statusChange.request(current, a.to, { errorsAsToast: true });
    else if (a.kind === 'export' && current) exportBundle.mutate(current.id);
    else if (a.kind === 'playback' && current) startPlayback(Date.parse(current.declaredAt));
    else if (a.kind === 'playback-stop') stopPlayback();
    else if (a.kind === 'time-zone') setZone(a.zone);
    else if (a.kind === 'pane') {
      // After the palette has closed and focus went back, move it to the pane (restoring the layout if another is maximised).
      requestAnimationFrame(() => goToPane(a.pane, (reached) => reached || push({ message: 'That pane is not on screen.' })));
    } else if (a.kind === 'run') requestAnimationFrame(a.run);
  };

  return (
    <Dialog title="Command palette" onClose={close} className="palette" hideTitle>
      <input
        autoFocus
        className="palette-input"
        role="combobox"
        aria-expanded="true"
        placeholder="Type a command…"
        aria-label="Command"
        aria-controls="palette-list"
        aria-activedescendant={commands[active] ? `cmd-${commands[active].id}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
          else if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, commands.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter') run(commands[active]);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="palette-list" role="listbox" className="palette-list" aria-label="Commands">
        {commands.map((c, i) => (
          <li
            key={c.id}
            id={`cmd-${c.id}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => run(c)}
          >
            <span>{c.label}</span>
            <span className="palette-meta">
              {c.hint ? <span className="hint">{c.hint}</span> : null}
              {c.shortcut ? <ShortcutKeys shortcut={c.shortcut} /> : null}
            </span>
          </li>
        ))}
        {commands.length === 0 ? <li className="palette-empty">No matching command</li> : null}
      </ul>
    </Dialog>
  );
}
