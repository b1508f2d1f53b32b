// The command palette's commands, as plain data so they can be filtered and tested.
import { incidentStatuses, statusLabels } from '../../../shared/incidents/status';
import type { Channel, IncidentListItem } from '../../../shared/ipc';

export type PaletteAction =
  | { kind: 'dialog'; dialog: 'declare' | 'note' | 'status' | 'severity' | 'switch' | 'review' | 'import' | 'settings' | 'diagnostics' }
  | { kind: 'status'; to: (typeof incidentStatuses)[number] }
  | { kind: 'open'; incidentId: string };

export interface PaletteCommand {
  id: string;
  label: string;
  hint?: string;
  action: PaletteAction;
  /** The channel the command needs; a window that does not serve it (a read-only review bundle) never offers the command. */
  needs?: Channel;
}

const servesAll = () => true;

export function buildCommands(incidents: readonly IncidentListItem[], currentId: string | undefined, serves: (channel: Channel) => boolean = servesAll): PaletteCommand[] {
  return allCommands(incidents, currentId).filter((c) => !c.needs || serves(c.needs));
}

function allCommands(incidents: readonly IncidentListItem[], currentId: string | undefined): PaletteCommand[] {
  const commands: PaletteCommand[] = [
    { id: 'declare', label: 'Declare incident…', action: { kind: 'dialog', dialog: 'declare' }, needs: 'incidents.declare' },
    { id: 'import', label: 'Import review bundle…', action: { kind: 'dialog', dialog: 'import' }, needs: 'review.importBundle' },
    { id: 'settings', label: 'Settings…', hint: 'connectors, metrics, services, import / export', action: { kind: 'dialog', dialog: 'settings' }, needs: 'settings.exportConfig' },
    { id: 'diagnostics', label: 'Copy diagnostics', hint: 'redacted report for support', action: { kind: 'dialog', dialog: 'diagnostics' }, needs: 'app.diagnostics' },
  ];
  const current = incidents.find((i) => i.id === currentId)?.state;
  if (current) {
    commands.push({ id: 'note', label: 'Add note…', hint: current.title, action: { kind: 'dialog', dialog: 'note' }, needs: 'incidents.addNote' });
    for (const status of incidentStatuses) {
      if (status !== current.status) {
        commands.push({ id: `status-${status}`, label: `Change status to ${statusLabels[status]}`, hint: current.title, action: { kind: 'status', to: status }, needs: 'incidents.changeStatus' });
      }
    }
    commands.push({ id: 'severity', label: 'Change severity…', hint: current.severity, action: { kind: 'dialog', dialog: 'severity' }, needs: 'incidents.changeSeverity' });
    commands.push({ id: 'review', label: 'Post-incident review…', hint: current.title, action: { kind: 'dialog', dialog: 'review' }, needs: 'review.get' });
  }
  for (const incident of incidents) {
    if (incident.id !== currentId && incident.state) {
      commands.push({
        id: `open-${incident.id}`,
        label: `Switch to: ${incident.state.title}`,
        hint: `${incident.state.severity} · ${statusLabels[incident.state.status]}`,
        action: { kind: 'open', incidentId: incident.id },
        needs: 'incidents.get',
      });
    }
  }
  return commands;
}

/** Case-insensitive match of every typed word against label + hint, in any order. */
export function filterCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((c) => {
    const text = `${c.label} ${c.hint ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
