// The command palette's built-in commands, as plain data so they can be filtered and tested; panes contribute the rest
// (see command-registry.ts).
import { incidentStatuses, statusLabels } from '../../../shared/incidents/status';
import type { Channel, IncidentListItem } from '../../../shared/ipc';
import { roleLabel } from '../../../shared/team/roles';
import type { TimeZoneChoice } from '../../../shared/time/format-time';
import type { CockpitPaneId, DialogName } from '../state/ui-store';
import { paneJumpShortcut, paneShortcuts } from './pane-jump';

export type PaletteAction =
  | { kind: 'dialog'; dialog: DialogName }
  | { kind: 'status'; to: (typeof incidentStatuses)[number] }
  | { kind: 'open'; incidentId: string }
  | { kind: 'time-zone'; zone: TimeZoneChoice }
  | { kind: 'export' }
  | { kind: 'playback' }
  | { kind: 'playback-stop' }
  | { kind: 'pane'; pane: CockpitPaneId }
  | { kind: 'run'; run: () => void };

export interface PaletteCommand {
  id: string;
  label: string;
  hint?: string;
  shortcut?: string;
  action: PaletteAction;
  /** The channel the command needs; a window that does not serve it (a read-only review bundle) never offers the command. */
  needs?: Channel;
}

const servesAll = () => true;

/** What the window is showing, beyond the incidents: whether playback is on, and whether there is a live incident to return to. */
export interface PaletteContext {
  playbackActive?: boolean;
  live?: boolean;
}

export function buildCommands(
  incidents: readonly IncidentListItem[],
  currentId: string | undefined,
  serves: (channel: Channel) => boolean = servesAll,
  zone: TimeZoneChoice = 'utc',
  context: PaletteContext = {},
): PaletteCommand[] {
  return allCommands(incidents, currentId, zone, context).filter((c) => !c.needs || serves(c.needs));
}

function allCommands(incidents: readonly IncidentListItem[], currentId: string | undefined, zone: TimeZoneChoice, context: PaletteContext): PaletteCommand[] {
  const commands: PaletteCommand[] = [
    zone === 'utc'
      ? { id: 'time-zone', label: 'Show times in local time', hint: 'time zone: now UTC', action: { kind: 'time-zone', zone: 'local' } }
      : { id: 'time-zone', label: 'Show times in UTC', hint: 'time zone: now local', action: { kind: 'time-zone', zone: 'utc' } },
    { id: 'declare', label: 'Declare incident…', action: { kind: 'dialog', dialog: 'declare' }, needs: 'incidents.declare' },
    { id: 'import', label: 'Import review bundle…', action: { kind: 'dialog', dialog: 'import' }, needs: 'review.importBundle' },
    { id: 'settings', label: 'Settings…', hint: 'connectors, metrics, services, import / export', action: { kind: 'dialog', dialog: 'settings' }, needs: 'settings.exportConfig' },
    { id: 'diagnostics', label: 'Copy diagnostics', hint: 'redacted report for support', action: { kind: 'dialog', dialog: 'diagnostics' }, needs: 'app.diagnostics' },
    { id: 'keyboard', label: 'Keyboard shortcuts', hint: 'every key the cockpit answers', shortcut: '?', action: { kind: 'dialog', dialog: 'keyboard' } },
  ];
  const current = incidents.find((i) => i.id === currentId)?.state;
  if (current) {
    commands.push({ id: 'note', label: 'Add note…', hint: current.title, action: { kind: 'dialog', dialog: 'note' }, needs: 'incidents.addNote' });
    for (const status of incidentStatuses) {
      if (status !== current.status) {
        const label = status === 'resolved' ? 'Resolve incident…' : `Change status to ${statusLabels[status]}`;
        commands.push({ id: `status-${status}`, label, hint: current.title, action: { kind: 'status', to: status }, needs: 'incidents.changeStatus' });
      }
    }
    commands.push({ id: 'severity', label: 'Change severity…', hint: current.severity, action: { kind: 'dialog', dialog: 'severity' }, needs: 'incidents.changeSeverity' });
    commands.push(
      current.handover
        ? { id: 'handover', label: `Handover to ${current.handover.to}: accept or record…`, hint: `commander: ${current.commander}`, action: { kind: 'dialog', dialog: 'handover' }, needs: 'team.acceptHandover' }
        : { id: 'handover', label: 'Hand over command…', hint: `commander: ${current.commander}`, action: { kind: 'dialog', dialog: 'handover' }, needs: 'team.proposeHandover' },
    );
    commands.push({ id: 'roles', label: 'Assign role…', hint: 'deputy, scribe, comms lead, ops lead or a custom role', action: { kind: 'dialog', dialog: 'roles' }, needs: 'team.assignRole' });
    if ((current.roles ?? []).length > 0) {
      commands.push({ id: 'roles-release', label: 'Release role…', hint: (current.roles ?? []).map((r) => `${roleLabel(r.role)}: ${r.person}`).join(', '), action: { kind: 'dialog', dialog: 'roles' }, needs: 'team.releaseRole' });
    }
    commands.push({ id: 'export', label: 'Export review bundle', hint: 'one file that opens offline', action: { kind: 'export' }, needs: 'review.exportBundle' });
    commands.push({ id: 'review', label: 'Post-incident review…', hint: current.title, action: { kind: 'dialog', dialog: 'review' }, needs: 'review.get' });
    if (context.playbackActive) {
      commands.push({ id: 'playback', label: 'Playback: back to the start', hint: 'the first moment of the incident', action: { kind: 'playback' } });
      if (context.live !== false) commands.push({ id: 'playback-stop', label: 'Leave playback', hint: 'back to the live incident', shortcut: 'Esc', action: { kind: 'playback-stop' } });
    } else {
      commands.push({ id: 'playback', label: 'Start playback', hint: 'replay the cockpit from the start', action: { kind: 'playback' } });
    }
    for (const p of paneShortcuts) {
      commands.push({ id: `pane-${p.pane}`, label: `Go to ${p.label} pane`, shortcut: paneJumpShortcut(p.key), action: { kind: 'pane', pane: p.pane } });
    }
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
