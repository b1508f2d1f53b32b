// Ctrl/Cmd+K command palette: type to filter, arrows to move, Enter to run.
import { useMemo, useState } from 'react';
import { useIncidents } from '../api/queries';
import { useStatusChange } from '../incidents/use-status-change';
import { useUiStore, type DialogName } from '../state/ui-store';
import { Dialog } from '../ui/Dialog';
import { buildCommands, filterCommands, type PaletteCommand } from './commands';

export function CommandPalette() {
  const { paletteOpen, openPalette, openDialog, selectedIncidentId, selectIncident } = useUiStore();
  if (!paletteOpen) return null;
  return (
    <PaletteBody
      onClose={() => openPalette(false)}
      currentId={selectedIncidentId}
      onDialog={openDialog}
      onOpen={(id) => {
        selectIncident(id);
        openPalette(false);
      }}
    />
  );
}

function PaletteBody(props: {
  onClose: () => void;
  currentId: string | undefined;
  onDialog: (d: DialogName) => void;
  onOpen: (id: string) => void;
}) {
  const incidents = useIncidents();
  const statusChange = useStatusChange();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const commands = useMemo(() => filterCommands(buildCommands(incidents.data ?? [], props.currentId), query), [incidents.data, props.currentId, query]);

  const run = (command: PaletteCommand | undefined) => {
    if (!command) return;
    const a = command.action;
    if (a.kind === 'dialog') props.onDialog(a.dialog);
    else if (a.kind === 'open') props.onOpen(a.incidentId);
    else {
      const current = incidents.data?.find((i) => i.id === props.currentId)?.state;
      if (!current) return;
      props.onClose();
      statusChange.request(current, a.to, { errorsAsToast: true });
    }
  };

  return (
    <Dialog title="Command palette" onClose={props.onClose} className="palette" hideTitle>
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
            if (e.key === 'Escape') props.onClose();
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
              {c.hint ? <span className="hint">{c.hint}</span> : null}
            </li>
          ))}
          {commands.length === 0 ? <li className="palette-empty">No matching command</li> : null}
        </ul>
    </Dialog>
  );
}
